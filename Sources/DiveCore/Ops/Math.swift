// Unary math functions, each with its derivative beside it.

extension Tensor {
    /// `e^x` elementwise. The gradient reuses the result: `d/dx e^x = e^x`.
    public func exp() -> Tensor {
        let y = unary(.exp)
        return Tensor.record(y, inputs: [self]) { grad in [grad * y] }
    }

    /// Natural logarithm elementwise (`-inf` at 0, NaN below). Gradient `1/x`.
    public func log() -> Tensor {
        let x = detached()
        return Tensor.record(unary(.log), inputs: [self]) { grad in [grad / x] }
    }

    /// Square root elementwise. Gradient `1 / (2·√x)`.
    public func sqrt() -> Tensor {
        let y = unary(.sqrt)
        return Tensor.record(y, inputs: [self]) { grad in [grad / (2 * y)] }
    }

    /// Absolute value elementwise. The gradient is the sign of x, and 0 at exactly 0 (as in PyTorch).
    public func abs() -> Tensor {
        let sign = unary(.sign)
        return Tensor.record(unary(.abs), inputs: [self]) { grad in [grad * sign] }
    }

    /// Sine elementwise (radians). Gradient `cos x`.
    public func sin() -> Tensor {
        let x = detached()
        return Tensor.record(unary(.sin), inputs: [self]) { grad in [grad * x.cos()] }
    }

    /// Cosine elementwise (radians). Gradient `−sin x`.
    public func cos() -> Tensor {
        let x = detached()
        return Tensor.record(unary(.cos), inputs: [self]) { grad in [-(grad * x.sin())] }
    }

    /// `x²` elementwise, the same as `pow(2)`.
    public func squared() -> Tensor { self * self }
}
