import Foundation

// The activation functions of the book's MLP chapter, forward and backward together.

extension Tensor {
    /// Rectified linear unit, `max(x, 0)`. The gradient at exactly 0 is 0, as in PyTorch.
    public func relu() -> Tensor {
        let mask = mapScalars { $0 > 0 ? 1 : 0 }
        return Tensor.record(mapScalars { Swift.max($0, 0) }, inputs: [self]) { grad in [grad * mask] }
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
