import DiveCore

/// Inverted dropout (PyTorch's `nn.Dropout(p)`, the book's `dropout_layer`): in training mode
/// each element is zeroed with probability `probability` and the survivors are scaled by
/// `1 / (1 - probability)`, so the expected output equals the input; in evaluation mode the
/// input passes through unchanged. Any shape.
///
/// The masks come from the layer's own seeded generator: two layers made with the same seed
/// drop the same elements, call after call.
public final class Dropout: ModeTrackingLayer, CustomStringConvertible {
    /// The probability of zeroing each element, in `[0, 1)`.
    public let probability: Float
    /// The generator the masks are drawn from; saved with a checkpoint, it lets a resumed run
    /// draw the masks an uninterrupted one would have drawn.
    public var generator: RandomGenerator
    /// Whether this layer drops elements (training) or passes its input through (evaluation).
    public var isTraining = true

    /// A dropout layer dropping with `probability`, which must be in `[0, 1)` (traps otherwise;
    /// PyTorch's `p = 1` would zero everything and is not useful for training).
    /// `probability: 0` makes the layer the identity.
    public init(probability: Float, seed: UInt64 = 0) {
        precondition(probability >= 0 && probability < 1,
                     "Dropout: probability must be in [0, 1), got \(probability)")
        self.probability = probability
        generator = RandomGenerator(seed: seed)
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

    /// `Dropout(probability: 0.5)`.
    public var description: String { "Dropout(probability: \(probability))" }
}
