import DiveCore

/// Flattens every axis after the batch axis into one: `[batch, 1, 28, 28]` → `[batch, 784]`
/// (PyTorch's `nn.Flatten()`).
public final class Flatten: Layer, CustomStringConvertible {
    /// The first axis flattened (default 1: keep the batch axis).
    public let startAxis: Int
    /// The last axis flattened, inclusive (default -1: the last axis).
    public let endAxis: Int

    /// A layer flattening axes `startAxis...endAxis` (negative axes count from the end).
    public init(startAxis: Int = 1, endAxis: Int = -1) {
        self.startAxis = startAxis
        self.endAxis = endAxis
    }

    /// The input with axes `startAxis...endAxis` merged; a view when the input is contiguous.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        input.flattened(from: startAxis, through: endAxis)
    }

    /// `Flatten()`, with the axes when they are not the defaults.
    public var description: String {
        startAxis == 1 && endAxis == -1 ? "Flatten()" : "Flatten(startAxis: \(startAxis), endAxis: \(endAxis))"
    }
}
