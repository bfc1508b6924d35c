import DiveCore

/// Layers applied one after another, each to the previous one's output (PyTorch's
/// `nn.Sequential`). Children are named by their index: the weight of the second child is
/// `"1.weight"`.
///
/// ```swift
/// let model = Sequential(Flatten(), Linear(inputSize: 784, outputSize: 256), ReLU(),
///                        Linear(inputSize: 256, outputSize: 10))
/// let model = Sequential {
///     Flatten()
///     Linear(inputSize: 784, outputSize: 10)
/// }
/// ```
public final class Sequential: Layer, CustomStringConvertible {
    /// The layers, in the order they are applied.
    public let layers: [any Layer]

    /// A model applying `layers` in order; with no layers it is the identity.
    public init(_ layers: [any Layer]) { self.layers = layers }

    /// A model applying the given layers in order.
    public convenience init(_ layers: any Layer...) { self.init(layers) }

    /// A model applying the layers listed in `build`, which may use `if`, `if`/`else` and `for`.
    public convenience init(@LayerBuilder _ build: () -> [any Layer]) { self.init(build()) }

    /// Each layer applied to the output of the one before.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        layers.reduce(input) { x, layer in layer(x) }
    }

    /// The child at `index` (the book's `net[0]`).
    public subscript(index: Int) -> any Layer { layers[index] }

    /// The child at `index` as the layer type you know it is, to reach its parameters:
    /// `model[1, as: Linear.self].weight` (the book's `net[1].weight`). Traps with both type
    /// names when the child is of another type.
    public subscript<Kind: Layer>(index: Int, as kind: Kind.Type) -> Kind {
        guard let child = layers[index] as? Kind else {
            fatalError("Sequential[\(index), as: \(Kind.self).self]: the child is a \(type(of: layers[index]))")
        }
        return child
    }

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
