import DiveCore

/// How to fill a weight or bias tensor (PyTorch's `nn.init` functions).
///
/// The fan-based schemes use `fanIn` (inputs per output unit) and `fanOut` (outputs per input
/// unit); for a `Linear` weight `[out, in]` they are `in` and `out`, and its bias uses the same
/// fans as its weight.
public enum Initializer: Sendable, Equatable {
    /// Normal samples with `mean` and standard deviation `std` (the book's
    /// `nn.init.normal_(m.weight, mean=0, std=0.01)`).
    case normal(mean: Float, std: Float)
    /// Uniform samples in `range` (the upper bound excluded).
    case uniform(ClosedRange<Float>)
    /// Xavier/Glorot uniform: `U(-a, a)` with `a = √(6 / (fanIn + fanOut))`.
    case xavierUniform
    /// Xavier/Glorot normal: `N(0, σ²)` with `σ = √(2 / (fanIn + fanOut))`.
    case xavierNormal
    /// Kaiming/He uniform for ReLU networks: `U(-a, a)` with `a = √(6 / fanIn)`.
    case kaimingUniform
    /// Kaiming/He normal for ReLU networks: `N(0, σ²)` with `σ = √(2 / fanIn)`.
    case kaimingNormal
    /// All zeros.
    case zeros
    /// Every element `value`.
    case constant(Float)

    /// A tensor of `shape` filled by this scheme, drawing from `generator` (schemes that are not
    /// random draw nothing). Traps when a fan-based scheme gets a fan below 1.
    public func sample(_ shape: [Int], fanIn: Int, fanOut: Int,
                       using generator: inout RandomGenerator) -> Tensor {
        switch self {
        case let .normal(mean, std):
            return .randn(shape, mean: mean, std: std, using: &generator)
        case let .uniform(range):
            return .uniform(shape, in: range, using: &generator)
        case .xavierUniform:
            let bound = (6 / Float(checkedFans(fanIn + fanOut))).squareRoot()
            return .uniform(shape, in: -bound...bound, using: &generator)
        case .xavierNormal:
            return .randn(shape, std: (2 / Float(checkedFans(fanIn + fanOut))).squareRoot(), using: &generator)
        case .kaimingUniform:
            let bound = (6 / Float(checkedFans(fanIn))).squareRoot()
            return .uniform(shape, in: -bound...bound, using: &generator)
        case .kaimingNormal:
            return .randn(shape, std: (2 / Float(checkedFans(fanIn))).squareRoot(), using: &generator)
        case .zeros:
            return .zeros(shape)
        case let .constant(value):
            return .full(value, shape: shape)
        }
    }

    private func checkedFans(_ fans: Int) -> Int {
        precondition(fans >= 1, "Initializer.\(self): needs a positive fan, got \(fans)")
        return fans
    }
}

extension Layer {
    /// Calls `body` on this layer and every layer reachable from it, each once, in the order of
    /// ``namedLayers`` (PyTorch's `module.apply(fn)`, which the book uses to initialise weights).
    ///
    /// ```swift
    /// model.apply { layer in
    ///     if let prelu = layer as? PReLU { prelu.weight.value = Tensor([0.1]) }
    /// }
    /// ```
    public func apply(_ body: (any Layer) throws -> Void) rethrows {
        for (_, layer) in namedLayers { try body(layer) }
    }

    /// Calls `body` on every layer of type `kind` reachable from this layer (itself included),
    /// in the order of ``namedLayers``: `model.apply(to: Linear.self) { print($0.weight.shape) }`.
    public func apply<Kind: Layer>(to kind: Kind.Type, _ body: (Kind) throws -> Void) rethrows {
        for case let (_, layer as Kind) in namedLayers { try body(layer) }
    }

    /// Re-initialises the weight and bias of every `Linear` reachable from this layer, in
    /// declaration order (weight, then bias, layer by layer): the book's `net.apply(init_weights)`.
    ///
    /// ```swift
    /// var generator = RandomGenerator(seed: 0)
    /// model.initialize(weights: .normal(mean: 0, std: 0.01), biases: .zeros, using: &generator)
    /// ```
    /// Other parameters (a `PReLU` slope) are left as they are; ``apply(to:_:)`` reaches them.
    /// The parameters keep their identity, so an optimizer made before still updates them.
    public func initialize(weights: Initializer, biases: Initializer = .zeros,
                           using generator: inout RandomGenerator) {
        apply(to: Linear.self) { linear in
            let (fanIn, fanOut) = (linear.inputSize, linear.outputSize)
            linear.weight.value = weights.sample(linear.weight.shape, fanIn: fanIn, fanOut: fanOut, using: &generator)
            if let bias = linear.bias {
                bias.value = biases.sample(bias.shape, fanIn: fanIn, fanOut: fanOut, using: &generator)
            }
        }
    }

    /// The same, drawing from the default generator (see ``withRandomSeed(_:_:)``).
    public func initialize(weights: Initializer, biases: Initializer = .zeros) {
        withDefaultGenerator { initialize(weights: weights, biases: biases, using: &$0) }
    }
}
