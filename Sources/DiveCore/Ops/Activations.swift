import Foundation

// The activation functions of the book's MLP chapter, forward and backward together.

extension Tensor {
    /// Rectified linear unit, `max(x, 0)`. The gradient at exactly 0 is 0, as in PyTorch; NaN
    /// stays NaN, so a diverging run shows in the loss.
    public func relu() -> Tensor {
        // Value and mask in one pass over the input: this is on every MLP's hot path.
        let n = count
        let value = Storage(uninitializedCount: n), mask = Storage(uninitializedCount: n)
        withContiguousPointer { x in
            for i in 0..<n {
                value.pointer[i] = Swift.max(x[i], 0)
                mask.pointer[i] = x[i] > 0 ? 1 : 0
            }
        }
        let gate = Tensor(shape: shape, storage: mask)
        return Tensor.record(Tensor(shape: shape, storage: value), inputs: [self]) { grad in [grad * gate] }
    }

    /// The logistic function `1 / (1 + e^-x)`, computed without overflow for large |x|.
    /// Gradient `σ(x)(1 − σ(x))`.
    public func sigmoid() -> Tensor {
        let y = mapScalars { x in
            x >= 0 ? 1 / (1 + Foundation.exp(-x)) : Foundation.exp(x) / (1 + Foundation.exp(x))
        }
        return Tensor.record(y, inputs: [self]) { grad in [grad * y * (1 - y)] }
    }

    /// Hyperbolic tangent. Gradient `1 − tanh²(x)`.
    public func tanh() -> Tensor {
        let y = mapScalars { Foundation.tanh($0) }
        return Tensor.record(y, inputs: [self]) { grad in [grad * (1 - y * y)] }
    }
}
