// Reductions over all elements or along one axis. Each reads the input as
// [outer, axis, inner] blocks of contiguous memory.

extension Tensor {
    /// The sum of all elements, as a scalar tensor.
    public func sum() -> Tensor {
        let total = withContiguousPointer { x in sumContiguous(x, count: count) }
        let original = shape
        return Tensor.record(Tensor(total), inputs: [self]) { grad in [grad.expanded(to: original)] }
    }

    /// Sums along `axis` (negative counts from the end); keeps it with size 1 when asked.
    public func sum(alongAxis axis: Int, keepingDimension: Bool = false) -> Tensor {
        let (outer, length, inner, a) = blocks(alongAxis: axis, op: "sum")
        var keptShape = shape
        keptShape[a] = 1
        let result = Storage(repeating: 0, count: outer * inner)
        withContiguousPointer { x in
            let out = result.pointer
            if inner == 1 {
                for o in 0..<outer { out[o] = sumContiguous(x + o * length, count: length) }
                return
            }
            for o in 0..<outer {
                let row = out + o * inner
                for k in 0..<length {
                    let src = x + (o * length + k) * inner
                    for i in 0..<inner { row[i] += src[i] }
                }
            }
        }
        let value = Tensor(shape: keptShape, storage: result)
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
        let (_, _, _, a) = blocks(alongAxis: axis, op: "max")
        let indices = argmaxIndices(alongAxis: a)
        var keptShape = shape
        keptShape[a] = 1
        let picked = pick(indices, alongAxis: a)
        let value = Tensor(picked, shape: keptShape)
        let original = shape
        let result = Tensor.record(value, inputs: [self]) { grad in
            [Tensor.scatter(grad, at: indices, alongAxis: a, into: original)]
        }
        return keepingDimension ? result : result.squeezed(at: a)
    }

    /// The index of the largest element along `axis` (the first one on ties), e.g. the
    /// predicted class of each row of logits with `argmax(alongAxis: 1)`.
    public func argmax(alongAxis axis: Int) -> [Int] {
        let a = orTrap { () throws(ShapeError) in try Shape.normalize(axis: axis, rank: rank, op: "argmax") }
        return argmaxIndices(alongAxis: a)
    }

    /// `log(sum(exp(x)))` along `axis`, computed stably by subtracting the maximum first.
    /// A slice whose elements are all `-inf` gives `-inf`, as in PyTorch.
    public func logSumExp(alongAxis axis: Int, keepingDimension: Bool = false) -> Tensor {
        let a = orTrap { () throws(ShapeError) in try Shape.normalize(axis: axis, rank: rank, op: "logSumExp") }
        // An infinite maximum is not subtracted: -inf - -inf would be NaN.
        let m = max(alongAxis: a, keepingDimension: true).detached().mapScalars { $0.isFinite ? $0 : 0 }
        let result = (self - m).exp().sum(alongAxis: a, keepingDimension: true).log() + m
        return keepingDimension ? result : result.squeezed(at: a)
    }

    // MARK: helpers

    /// The sizes of the blocks before, along and after `axis`, and the axis made non-negative.
    private func blocks(alongAxis axis: Int, op: String) -> (outer: Int, length: Int, inner: Int, axis: Int) {
        let a = orTrap { () throws(ShapeError) in try Shape.normalize(axis: axis, rank: rank, op: op) }
        return (shape[..<a].reduce(1, *), shape[a], shape[(a + 1)...].reduce(1, *), a)
    }

    private func argmaxIndices(alongAxis a: Int) -> [Int] {
        let (outer, length, inner, _) = blocks(alongAxis: a, op: "argmax")
        guard length > 0 else { trap(.invalid(op: "argmax", message: "axis \(a) of shape \(shape) is empty")) }
        var indices = [Int](repeating: 0, count: outer * inner)
        withContiguousPointer { x in
            for o in 0..<outer {
                for i in 0..<inner {
                    var best = x[o * length * inner + i], bestIndex = 0
                    for k in 1..<Swift.max(length, 1) {
                        let v = x[(o * length + k) * inner + i]
                        if v > best || (v.isNaN && !best.isNaN) { best = v; bestIndex = k }
                    }
                    indices[o * inner + i] = bestIndex
                }
            }
        }
        return indices
    }

    /// The elements at `indices` (one per [outer, inner] position) along axis `a`.
    private func pick(_ indices: [Int], alongAxis a: Int) -> [Float] {
        let (outer, length, inner, _) = blocks(alongAxis: a, op: "pick")
        return withContiguousPointer { x in
            (0..<(outer * inner)).map { j in x[((j / inner) * length + indices[j]) * inner + j % inner] }
        }
    }

    /// A zero tensor of `shape` with `values` placed at `indices` along axis `a`.
    static func scatter(_ values: Tensor, at indices: [Int], alongAxis a: Int, into shape: [Int]) -> Tensor {
        let outer = shape[..<a].reduce(1, *), length = shape[a], inner = shape[(a + 1)...].reduce(1, *)
        let result = Storage(repeating: 0, count: Shape.count(shape))
        values.withContiguousPointer { v in
            for j in 0..<(outer * inner) {
                result.pointer[((j / inner) * length + indices[j]) * inner + j % inner] = v[j]
            }
        }
        return Tensor(shape: shape, storage: result)
    }
}
