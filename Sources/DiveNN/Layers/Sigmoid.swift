import DiveCore

/// The logistic function `1 / (1 + e^-x)` as a layer (PyTorch's `nn.Sigmoid()`); any shape.
public final class Sigmoid: ModeTrackingLayer, CustomStringConvertible {
    /// Whether this layer is in training mode (it behaves the same in both).
    public var isTraining = true

    /// A sigmoid layer; it has no parameters.
    public init() {}

    /// `σ(input)` elementwise, without overflow for large |x|.
    public func callAsFunction(_ input: Tensor) -> Tensor { input.sigmoid() }

    /// `Sigmoid()`.
    public var description: String { "Sigmoid()" }
}
