// The activation functions of the book's MLP chapter, forward and backward together.

extension Tensor {
    /// Rectified linear unit, `max(x, 0)`. The gradient at exactly 0 is 0, as in PyTorch; NaN
    /// stays NaN, so a diverging run shows in the loss.
    public func relu() -> Tensor {
        let y = unary(.relu)
        // The gradient passes where the output is non-zero, i.e. where x > 0: no mask is kept.
        return Tensor.record(y, inputs: [self]) { grad in [y.binary(.select, grad, name: "relu")] }
    }

    /// The logistic function `1 / (1 + e^-x)`, computed without overflow for large |x|.
    /// Gradient `σ(x)(1 − σ(x))`.
    public func sigmoid() -> Tensor {
        let y = unary(.sigmoid)
        return Tensor.record(y, inputs: [self]) { grad in [grad * y * (1 - y)] }
    }

    /// Hyperbolic tangent. Gradient `1 − tanh²(x)`.
    public func tanh() -> Tensor {
        let y = unary(.tanh)
        return Tensor.record(y, inputs: [self]) { grad in [grad * (1 - y * y)] }
    }
}
