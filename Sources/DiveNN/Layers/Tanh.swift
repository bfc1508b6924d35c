import DiveCore

/// The hyperbolic tangent as a layer (PyTorch's `nn.Tanh()`); any shape.
public final class Tanh: Layer, CustomStringConvertible {

    /// A tanh layer; it has no parameters.
    public init() {}

    /// `tanh(input)` elementwise.
    public func callAsFunction(_ input: Tensor) -> Tensor { input.tanh() }

    /// `Tanh()`.
    public var description: String { "Tanh()" }
}
