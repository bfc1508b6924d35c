// Comparisons produce masks (1 where true, 0 where false) that carry no gradient; `where`
// selects between two tensors and sends the gradient to the side that was picked.

extension Tensor {
    /// 1 where `self > other`, else 0 (broadcasting).
    public func isGreater(than other: Tensor) -> Tensor {
        detached().binary(.isGreater, other.detached(), name: "isGreater")
    }
    /// 1 where `self < other`, else 0 (broadcasting).
    public func isLess(than other: Tensor) -> Tensor {
        detached().binary(.isLess, other.detached(), name: "isLess")
    }
    /// 1 where `self == other`, else 0 (broadcasting).
    public func isEqual(to other: Tensor) -> Tensor {
        detached().binary(.isEqual, other.detached(), name: "isEqual")
    }
    /// 1 where `self > scalar`, else 0.
    public func isGreater(than scalar: Float) -> Tensor { isGreater(than: Tensor(scalar)) }
    /// 1 where `self < scalar`, else 0.
    public func isLess(than scalar: Float) -> Tensor { isLess(than: Tensor(scalar)) }
    /// 1 where `self == scalar`, else 0.
    public func isEqual(to scalar: Float) -> Tensor { isEqual(to: Tensor(scalar)) }

    /// `whenTrue` where `condition` is non-zero, else `whenFalse`, all three broadcast together
    /// (NumPy's `where`). The gradient flows to the picked operand only.
    public static func `where`(_ condition: Tensor, _ whenTrue: Tensor, _ whenFalse: Tensor) -> Tensor {
        let shape = orTrap { () throws(ShapeError) in
            try Shape.broadcast(Shape.broadcast(condition.shape, whenTrue.shape, op: "where"), whenFalse.shape, op: "where")
        }
        // 1 where the condition holds (non-zero, NaN included), 0 where it is exactly 0.
        let notTaken = condition.isEqual(to: 0).expanded(to: shape)
        let mask = 1 - notTaken
        let picked = mask.binary(.select, whenTrue.detached(), name: "where")
            + notTaken.binary(.select, whenFalse.detached(), name: "where")
        return record(picked, inputs: [whenTrue, whenFalse]) { grad, needed in
            [needed[0] ? (grad * mask).unbroadcast(to: whenTrue.shape) : nil,
             needed[1] ? (grad * (1 - mask)).unbroadcast(to: whenFalse.shape) : nil]
        }
    }
}
