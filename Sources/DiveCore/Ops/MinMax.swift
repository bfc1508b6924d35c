// Elementwise maximum, minimum and clamping. Where both operands are equal the gradient goes
// to the argument (`other`), so that `x.maximum(0)` has gradient 0 at x = 0 like `relu`.

extension Tensor {
    /// The larger of `self` and `other` elementwise, with broadcasting.
    public func maximum(_ other: Tensor) -> Tensor {
        let value = binary(.maximum, other, name: "maximum")
        let pickSelf = binary(.isGreater, other, name: "maximum")
        return Tensor.record(value, inputs: [self, other]) { [shape, other] grad in
            [(grad * pickSelf).unbroadcast(to: shape), (grad * (1 - pickSelf)).unbroadcast(to: other.shape)]
        }
    }

    /// The smaller of `self` and `other` elementwise, with broadcasting.
    public func minimum(_ other: Tensor) -> Tensor {
        let value = binary(.minimum, other, name: "minimum")
        let pickSelf = binary(.isLess, other, name: "minimum")
        return Tensor.record(value, inputs: [self, other]) { [shape, other] grad in
            [(grad * pickSelf).unbroadcast(to: shape), (grad * (1 - pickSelf)).unbroadcast(to: other.shape)]
        }
    }

    /// The larger of each element and `scalar`. The gradient is 0 where `x <= scalar`.
    public func maximum(_ scalar: Float) -> Tensor {
        let mask = binary(.isGreater, Tensor(scalar), name: "maximum")
        let value = binary(.maximum, Tensor(scalar), name: "maximum")
        return Tensor.record(value, inputs: [self]) { grad in [grad * mask] }
    }

    /// The smaller of each element and `scalar`. The gradient is 0 where `x >= scalar`.
    public func minimum(_ scalar: Float) -> Tensor {
        let mask = binary(.isLess, Tensor(scalar), name: "minimum")
        let value = binary(.minimum, Tensor(scalar), name: "minimum")
        return Tensor.record(value, inputs: [self]) { grad in [grad * mask] }
    }

    /// Each element limited to `range`. The gradient is 1 strictly inside the range, 0 outside
    /// and on the bounds.
    public func clamped(to range: ClosedRange<Float>) -> Tensor {
        let (low, high) = (range.lowerBound, range.upperBound)
        let mask = binary(.isGreater, Tensor(low), name: "clamped") * binary(.isLess, Tensor(high), name: "clamped")
        let value = binary(.maximum, Tensor(low), name: "clamped").binary(.minimum, Tensor(high), name: "clamped")
        return Tensor.record(value, inputs: [self]) { grad in [grad * mask] }
    }
}
