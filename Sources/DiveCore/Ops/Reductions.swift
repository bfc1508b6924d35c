// Reductions over all elements or along one axis, computed by the backend; each backward
// spreads the gradient back over the reduced axis.

extension Tensor {
    /// The sum of all elements, as a scalar tensor.
    public func sum() -> Tensor {
        let flat = detached().contiguous()
        let elements = Operand(storage: flat.storage, shape: [count], strides: [1], offset: flat.offset)
        let total = Tensor(shape: [], storage: Backends.current.reduce(.sum, elements, axis: 0))
        let original = shape
        return Tensor.record(total, inputs: [self]) { grad in [grad.expanded(to: original)] }
    }

    /// Sums along `axis` (negative counts from the end); keeps it with size 1 when asked.
    public func sum(alongAxis axis: Int, keepingDimension: Bool = false) -> Tensor {
        let a = orTrap { () throws(ShapeError) in try Shape.normalize(axis: axis, rank: rank, op: "sum") }
        let value = Tensor(shape: keptShape(alongAxis: a), storage: Backends.current.reduce(.sum, operand, axis: a))
        let original = shape
        let summed = Tensor.record(value, inputs: [self]) { grad in [grad.expanded(to: original)] }
        return keepingDimension ? summed : summed.squeezed(at: a)
    }

    /// The mean of all elements, as a scalar tensor.
    public func mean() -> Tensor { sum() / Float(Swift.max(count, 1)) }

    /// The mean along `axis`; keeps it with size 1 when asked.
    public func mean(alongAxis axis: Int, keepingDimension: Bool = false) -> Tensor {
        let a = orTrap { () throws(ShapeError) in try Shape.normalize(axis: axis, rank: rank, op: "mean") }
        return sum(alongAxis: a, keepingDimension: keepingDimension) / Float(shape[a])
    }

    /// The largest element, as a scalar tensor. The gradient goes to the first largest element.
    public func max() -> Tensor { flattened(from: 0).max(alongAxis: 0) }

    /// The largest element along `axis`; keeps it with size 1 when asked. The gradient goes to
    /// the first largest element of each slice (as `argmax` picks it).
    public func max(alongAxis axis: Int, keepingDimension: Bool = false) -> Tensor {
        let a = nonEmptyAxis(axis, op: "max")
        let value = Tensor(shape: keptShape(alongAxis: a), storage: Backends.current.reduce(.max, operand, axis: a))
        let (x, original) = (detached(), shape)
        let result = Tensor.record(value, inputs: [self]) { grad in
            [Tensor.scatter(grad, at: x.argmax(alongAxis: a), alongAxis: a, into: original)]
        }
        return keepingDimension ? result : result.squeezed(at: a)
    }

    /// The index of the largest element along `axis` (the first one on ties), e.g. the
    /// predicted class of each row of logits with `argmax(alongAxis: 1)`.
    public func argmax(alongAxis axis: Int) -> [Int] {
        Backends.current.argmax(operand, axis: nonEmptyAxis(axis, op: "argmax"))
    }

    /// `log(sum(exp(x)))` along `axis`, computed stably by subtracting the maximum first.
    /// A slice whose elements are all `-inf` gives `-inf`, as in PyTorch.
    public func logSumExp(alongAxis axis: Int, keepingDimension: Bool = false) -> Tensor {
        let a = orTrap { () throws(ShapeError) in try Shape.normalize(axis: axis, rank: rank, op: "logSumExp") }
        // An infinite maximum is not subtracted: -inf - -inf would be NaN.
        let largest = max(alongAxis: a, keepingDimension: true).detached()
        let m = largest.abs().isLess(than: .infinity).binary(.select, largest, name: "logSumExp")
        let result = (self - m).exp().sum(alongAxis: a, keepingDimension: true).log() + m
        return keepingDimension ? result : result.squeezed(at: a)
    }

    // MARK: helpers

    /// This shape with axis `a` of size 1.
    private func keptShape(alongAxis a: Int) -> [Int] {
        var kept = shape
        kept[a] = 1
        return kept
    }

    /// `axis` made non-negative; traps when it is out of range or has no elements.
    private func nonEmptyAxis(_ axis: Int, op: String) -> Int {
        let a = orTrap { () throws(ShapeError) in try Shape.normalize(axis: axis, rank: rank, op: op) }
        guard shape[a] > 0 else { trap(.invalid(op: op, message: "axis \(a) of shape \(shape) is empty")) }
        return a
    }
}
