/// Everything that defines a playground setup: the data, the input features, the network and
/// how it trains.
///
/// The fields and their values are the TensorFlow Playground's (its `src/state.ts`), so that a
/// link copied from playground.tensorflow.org opens the same setup; the fields after `hidden`
/// are Dive's additions (loss, optimizer, dropout, stop condition). See
/// ``init(hash:)`` and ``hash`` for the URL-hash form.
public struct PlaygroundSettings: Equatable, Sendable {
    /// Classification (labels -1 and +1) or regression (a value in [-1, 1]).
    public enum Problem: String, CaseIterable, Sendable { case classification, regression }
    /// The activation of every hidden neuron.
    public enum Activation: String, CaseIterable, Sendable { case relu, tanh, sigmoid, linear }
    /// The weight penalty added to the loss.
    public enum Regularization: String, CaseIterable, Sendable { case none, L1, L2 }
    /// The training loss: the TensorFlow Playground's squared error, or cross-entropy
    /// (classification only).
    public enum Loss: String, CaseIterable, Sendable {
        case squared
        case crossEntropy = "cross-entropy"
    }
    /// The optimizer that updates the weights.
    public enum OptimizerKind: String, CaseIterable, Sendable { case sgd, momentum, adam }

    /// The classification data set: `circle`, `xor`, `gauss` or `spiral`.
    public var dataset: DatasetKind = .circle
    /// The regression data set: `reg-plane` or `reg-gauss`.
    public var regDataset: DatasetKind = .regPlane
    /// Which of the two data sets is used, and the output's meaning.
    public var problem: Problem = .classification
    /// Noise added to the data, 0–50 (percent of the TensorFlow Playground's scale).
    public var noise = 0
    /// The share of the points used for training, 10–90 percent.
    public var percTrainData = 50
    /// The seed of the data and of the initial weights (any text, as in the TensorFlow Playground).
    public var seed = "0.00000"
    /// The input features in use.
    public var features: Set<Feature> = [.x, .y]
    /// Neurons per hidden layer: 0–6 layers of 1–8 neurons.
    public var networkShape = [4, 2]
    /// The hidden neurons' activation.
    public var activation: Activation = .tanh
    /// The weight penalty.
    public var regularization: Regularization = .none
    /// The penalty's factor, 0–10.
    public var regularizationRate: Float = 0
    /// The learning rate, 0.00001–10.
    public var learningRate: Float = 0.03
    /// Points per update, 1–30.
    public var batchSize = 10
    /// Whether every weight starts at 0 (biases still start at 0.1).
    public var initZero = false
    /// Whether the test points are drawn on the heatmap.
    public var showTestData = false
    /// Whether the heatmap shows the sign of the output instead of its value.
    public var discretize = false
    /// Whether the page hides its explanatory text.
    public var hideText = false
    /// Controls the page hides (`<name>_hide=true` in the hash).
    public var hidden: Set<String> = []
    /// The training loss.
    public var loss: Loss = .squared
    /// The optimizer.
    public var optimizer: OptimizerKind = .sgd
    /// The dropout probability after each hidden layer, 0–0.9 (one per layer; 0 is none).
    public var dropout: [Float] = [0, 0]
    /// Training pauses on its own at this epoch; 0 trains until paused.
    public var stopEpoch = 0
    /// Training pauses on its own once the test loss is at most this; 0 never.
    public var stopLoss: Float = 0

    /// The TensorFlow Playground's defaults: circle, x₁ and x₂, 4-2 tanh, learning rate 0.03.
    public init() {}

    /// The data set in use: `dataset` for classification, `regDataset` for regression.
    public var activeDataset: DatasetKind { problem == .classification ? dataset : regDataset }

    /// The input features in use, in the TensorFlow Playground's order.
    public var orderedFeatures: [Feature] { Feature.allCases.filter(features.contains) }

    /// The effective loss: cross-entropy applies to classification only.
    public var effectiveLoss: Loss { problem == .classification ? loss : .squared }
}
