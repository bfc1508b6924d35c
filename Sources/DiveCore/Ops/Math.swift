import Foundation

// Unary math functions, each with its derivative beside it.

extension Tensor {
    /// `e^x` elementwise. The gradient reuses the result: `d/dx e^x = e^x`.
    public func exp() -> Tensor {
        let y = mapScalars { Foundation.exp($0) }
        return Tensor.record(y, inputs: [self]) { grad in [grad * y] }
    }

    /// Natural logarithm elementwise (`-inf` at 0, NaN below). Gradient `1/x`.
    public func log() -> Tensor {
        let x = detached()
        return Tensor.record(mapScalars { Foundation.log($0) }, inputs: [self]) { grad in [grad / x] }
    }

    /// Square root elementwise. Gradient `1 / (2·√x)`.
    public func sqrt() -> Tensor {
        let y = mapScalars { $0.squareRoot() }
        return Tensor.record(y, inputs: [self]) { grad in [grad / (2 * y)] }
    }

    /// Absolute value elementwise. The gradient is the sign of x, and 0 at exactly 0 (as in PyTorch).
    public func abs() -> Tensor {
        let sign = mapScalars { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }
        return Tensor.record(mapScalars { Swift.abs($0) }, inputs: [self]) { grad in [grad * sign] }
    }

    /// `x²` elementwise, the same as `pow(2)`.
    public func squared() -> Tensor { self * self }
}
