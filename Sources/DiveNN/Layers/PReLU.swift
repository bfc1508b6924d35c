import DiveCore

/// The parametric ReLU `max(x, 0) + a·min(x, 0)` with one learnable slope `a` shared by every
/// element (PyTorch's `nn.PReLU()`); any shape.
public final class PReLU: Layer, CustomStringConvertible {
    /// The slope for negative inputs, shape `[1]`; named `"weight"` as in PyTorch.
    public let weight: Parameter

    /// A PReLU whose slope starts at `initialSlope` (PyTorch's default 0.25).
    public init(initialSlope: Float = 0.25) {
        weight = Parameter(Tensor([initialSlope]))
    }

    /// `x` where `x > 0`, else `a·x`, elementwise. The gradient with respect to x is 1 for
    /// x > 0 and `a` otherwise (so `a` at exactly 0, as in PyTorch).
    public func callAsFunction(_ input: Tensor) -> Tensor {
        Tensor.where(input.isGreater(than: 0), input, weight.value * input)
    }

    /// `PReLU()`.
    public var description: String { "PReLU()" }
}
