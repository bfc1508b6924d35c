import DiveCore

/// The rectified linear unit `max(x, 0)` as a layer (PyTorch's `nn.ReLU()`); any shape.
public final class ReLU: Layer, CustomStringConvertible {

    /// A ReLU layer; it has no parameters.
    public init() {}

    /// `max(input, 0)` elementwise; the gradient at exactly 0 is 0, as in PyTorch.
    public func callAsFunction(_ input: Tensor) -> Tensor { input.relu() }

    /// `ReLU()`.
    public var description: String { "ReLU()" }
}
