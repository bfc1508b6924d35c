import DiveCore

/// Inverted dropout (PyTorch's `nn.Dropout(p)`, the book's `dropout_layer`): in training mode
/// each element is zeroed with probability `probability` and the survivors are scaled by
/// `1 / (1 - probability)`, so the expected output equals the input; in evaluation mode the
/// input passes through unchanged. Any shape.
///
/// The masks come from the layer's own generator, seeded from the default generator when the
/// layer is made (see ``withRandomSeed(_:_:)``), so two layers drop different elements and the
/// same program drops the same ones on every run.
public final class Dropout: ModeDependentLayer, CustomStringConvertible {
    /// The probability of zeroing each element, in `[0, 1)`.
    public let probability: Float
    /// The generator the masks are drawn from; saved with a checkpoint, it lets a resumed run
    /// draw the masks an uninterrupted one would have drawn.
    public var generator: RandomGenerator
    /// Whether this layer drops elements (training) or passes its input through (evaluation).
    public var isTraining = true

    /// A dropout layer dropping with `probability`, which must be in `[0, 1)` (traps otherwise;
    /// PyTorch's `p = 1` would zero everything and is not useful for training).
    /// `probability: 0` makes the layer the identity. Its generator is seeded by one draw from
    /// the default generator.
    public convenience init(probability: Float) {
        self.init(probability: probability, generator: RandomGenerator(seed: withDefaultGenerator { $0.next() }))
    }

    /// A dropout layer drawing its masks from `generator` itself (a saved stream, to reproduce
    /// a run); give each layer its own.
    public init(probability: Float, generator: RandomGenerator) {
        precondition(probability >= 0 && probability < 1,
                     "Dropout: probability must be in [0, 1), got \(probability)")
        self.probability = probability
        self.generator = generator
    }

    /// `input · mask / (1 - probability)` in training mode, with a fresh Bernoulli mask per call;
    /// `input` itself in evaluation mode or when `probability` is 0. The gradient flows through
    /// the kept elements only, with the same scale.
    public func callAsFunction(_ input: Tensor) -> Tensor {
        guard isTraining, probability > 0 else { return input }
        let keep = 1 - probability
        let mask = Tensor.bernoulli(input.shape, probability: keep, using: &generator) * (1 / keep)
        return input * mask
    }

    /// `Dropout(probability: 0.5)`: the call that makes such a layer.
    public var description: String { "Dropout(probability: \(probability))" }
}
