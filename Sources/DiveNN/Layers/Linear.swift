import DiveCore

/// A fully connected layer, `y = x·Wᵀ + b` (PyTorch's `nn.Linear`, the book's `nn.LazyLinear`
/// with its input size given).
///
/// Input `[batch, inputSize]` (or `[batch, n, inputSize]`), output `[batch, outputSize]`
/// (or `[batch, n, outputSize]`). The weight is `[outputSize, inputSize]` and the bias
/// `[outputSize]`, as in PyTorch, so checkpoints carry over unchanged.
public final class Linear: Layer, CustomStringConvertible {
    /// The weights, shape `[outputSize, inputSize]`.
    public let weight: Parameter
    /// The biases, shape `[outputSize]`; nil for a layer made with `bias: false`.
    public let bias: Parameter?

    /// A layer with PyTorch's default initialisation: weights and biases uniform in
    /// `[-1/√inputSize, 1/√inputSize)` (Kaiming-uniform with `a = √5`), drawn from `generator`
    /// (weights first, row by row, then biases).
    ///
    /// The book often replaces this with `model.initialize(weights: .normal(mean: 0, std: 0.01), …)`.
    public init(inputSize: Int, outputSize: Int, bias: Bool = true, generator: inout RandomGenerator) {
        precondition(inputSize > 0 && outputSize > 0,
                     "Linear: sizes must be positive, got inputSize \(inputSize) and outputSize \(outputSize)")
        let bound = 1 / Float(inputSize).squareRoot()
        weight = Parameter(.uniform([outputSize, inputSize], in: -bound...bound, using: &generator))
        self.bias = bias ? Parameter(.uniform([outputSize], in: -bound...bound, using: &generator)) : nil
    }

    /// The same layer, drawn from the default generator (see ``withRandomSeed(_:_:)``): two
    /// layers made one after the other get different weights, and
    /// `withRandomSeed(s) { Linear(…) }` equals `Linear(…, generator: &g)` with `g` seeded `s`.
    public convenience init(inputSize: Int, outputSize: Int, bias: Bool = true) {
        let drawn = withDefaultGenerator { Linear(inputSize: inputSize, outputSize: outputSize, bias: bias, generator: &$0) }
        self.init(weight: drawn.weight.value, bias: drawn.bias?.value)
    }

    private init(weight: Tensor, bias: Tensor?) {
        self.weight = Parameter(weight)
        self.bias = bias.map(Parameter.init)
    }

    /// The number of input features.
    public var inputSize: Int { weight.shape[1] }
    /// The number of output features.
    public var outputSize: Int { weight.shape[0] }

    /// `input · weightᵀ + bias` in one fused pass (`Tensor.linear`): BLAS reads the weight with
    /// its transpose flag and adds the product onto the bias. Traps when the last axis of `input`
    /// is not `inputSize`.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        guard input.rank >= 2, input.shape.last == inputSize else {
            trap(.mismatch(op: "Linear", lhs: input.shape, rhs: weight.shape,
                           expected: "input [batch, \(inputSize)] for weight [\(outputSize), \(inputSize)]"))
        }
        return input.linear(weight: weight.value, bias: bias?.value)
    }

    /// `Linear(inputSize: 784, outputSize: 256, bias: true)`: the initialiser call that makes a
    /// layer of this shape (with fresh weights), valid Swift like PyTorch's printout is valid Python.
    public var description: String {
        "Linear(inputSize: \(inputSize), outputSize: \(outputSize), bias: \(bias != nil))"
    }
}
