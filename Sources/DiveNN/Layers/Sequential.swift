import DiveCore

/// Layers applied one after another, each to the previous one's output (PyTorch's
/// `nn.Sequential`). Children are named by their index: the weight of the second child is
/// `"1.weight"`.
///
/// ```swift
/// let model = Sequential(Flatten(), Linear(inputSize: 784, outputSize: 256, seed: 0), ReLU(),
///                        Linear(inputSize: 256, outputSize: 10, seed: 1))
/// let model = Sequential {
///     Flatten()
///     Linear(inputSize: 784, outputSize: 10, seed: 0)
/// }
/// ```
public final class Sequential: ModeTrackingLayer, CustomStringConvertible {
    /// The layers, in the order they are applied.
    public let layers: [any Layer]
    /// Whether this container is in training mode; `setTraining(_:)` also switches its children.
    public var isTraining = true

    /// A model applying `layers` in order; with no layers it is the identity.
    public init(_ layers: [any Layer]) { self.layers = layers }

    /// A model applying the given layers in order.
    public convenience init(_ layers: any Layer...) { self.init(layers) }

    /// A model applying the layers listed in `build`, which may use `if`, `if`/`else` and `for`.
    public convenience init(@LayerBuilder _ build: () -> [any Layer]) { self.init(build()) }

    /// Each layer applied to the output of the one before.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        applyFusingLinearReLU(input)
    }

    /// The child at `index` (the book's `net[0]`); cast it to reach its parameters:
    /// `(model[1] as! Linear).weight`.
    public subscript(index: Int) -> any Layer { layers[index] }

    /// The number of children.
    public var count: Int { layers.count }

    /// One child per line, indented, like PyTorch's printout of a module.
    public var description: String {
        let lines = layers.enumerated().map { index, layer in
            "  (\(index)): " + String(describing: layer).split(separator: "\n").joined(separator: "\n  ")
        }
        return (["Sequential("] + lines + [")"]).joined(separator: "\n")
    }
}

/// Builds the list of layers of a `Sequential { … }`, with `if`, `if`/`else` and `for` allowed.
@resultBuilder
public enum LayerBuilder {
    /// One listed layer.
    public static func buildExpression(_ layer: any Layer) -> [any Layer] { [layer] }
    /// The listed layers in order.
    public static func buildBlock(_ parts: [any Layer]...) -> [any Layer] { parts.flatMap { $0 } }
    /// The layers of an `if` without `else`: none when the condition is false.
    public static func buildOptional(_ part: [any Layer]?) -> [any Layer] { part ?? [] }
    /// The layers of the `if` branch.
    public static func buildEither(first part: [any Layer]) -> [any Layer] { part }
    /// The layers of the `else` branch.
    public static func buildEither(second part: [any Layer]) -> [any Layer] { part }
    /// The layers of every iteration of a `for` loop.
    public static func buildArray(_ parts: [[any Layer]]) -> [any Layer] { parts.flatMap { $0 } }
}
