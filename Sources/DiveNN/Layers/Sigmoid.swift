import DiveCore

/// The logistic function `1 / (1 + e^-x)` as a layer (PyTorch's `nn.Sigmoid()`); any shape.
public final class Sigmoid: Layer, CustomStringConvertible {

    /// A sigmoid layer; it has no parameters.
    public init() {}

    /// `σ(input)` elementwise, without overflow for large |x|.
    public func callAsFunction(_ input: Tensor) -> Tensor { input.sigmoid() }

    /// `Sigmoid()`.
    public var description: String { "Sigmoid()" }
}
