import DiveCore

/// The hyperbolic tangent as a layer (PyTorch's `nn.Tanh()`); any shape.
public final class Tanh: ModeTrackingLayer, CustomStringConvertible {
    /// Whether this layer is in training mode (it behaves the same in both).
    public var isTraining = true

    /// A tanh layer; it has no parameters.
    public init() {}

    /// `tanh(input)` elementwise.
    public func callAsFunction(_ input: Tensor) -> Tensor { input.tanh() }

    /// `Tanh()`.
    public var description: String { "Tanh()" }
}
