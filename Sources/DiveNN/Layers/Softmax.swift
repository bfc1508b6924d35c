import DiveCore

/// Softmax along one axis as a layer (PyTorch's `nn.Softmax(dim)`): each slice becomes
/// probabilities that sum to 1.
///
/// For training, end the model with logits and use `crossEntropy(logits:labels:)`, which is
/// stabler than a `Softmax` layer followed by a log.
public final class Softmax: Layer, CustomStringConvertible {
    /// The axis whose slices are normalised (negative counts from the end).
    public let axis: Int

    /// A softmax over `axis`, by default the last one (the classes of `[batch, classes]`).
    public init(axis: Int = -1) { self.axis = axis }

    /// `exp(x) / sum(exp(x))` along `axis`, stable for large inputs; same shape as `input`.
    public func callAsFunction(_ input: Tensor) -> Tensor { input.softmax(alongAxis: axis) }

    /// `Softmax(axis: -1)`.
    public var description: String { "Softmax(axis: \(axis))" }
}
