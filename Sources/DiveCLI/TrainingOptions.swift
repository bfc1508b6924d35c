import ArgumentParser
import Dive

/// How `dive train` initialises the weights of every Linear layer.
enum WeightInitialization: Equatable, ExpressibleByArgument, CustomStringConvertible {
    /// Normal(0, std²) weights and zero biases: the book's `init_weights`.
    case normal(std: Float)
    /// Each layer's own default (PyTorch's: uniform in ±1/√fan-in).
    case layerDefault
    /// Xavier (Glorot) uniform weights, zero biases.
    case xavier
    /// Kaiming (He) normal weights, zero biases.
    case kaiming

    init?(argument: String) {
        switch argument {
        case "default": self = .layerDefault
        case "xavier": self = .xavier
        case "kaiming": self = .kaiming
        case "normal": self = .normal(std: 0.01)
        default:
            guard argument.hasPrefix("normal:"), let std = Float(argument.dropFirst("normal:".count)),
                  std.isFinite, std > 0 else { return nil }
            self = .normal(std: std)
        }
    }

    var description: String {
        switch self {
        case let .normal(std): "normal:\(std)"
        case .layerDefault: "default"
        case .xavier: "xavier"
        case .kaiming: "kaiming"
        }
    }

    var defaultValueDescription: String { description }

    /// The weight initialiser to apply, or nil to keep the layers' defaults.
    var initializer: Initializer? {
        switch self {
        case let .normal(std): .normal(mean: 0, std: std)
        case .layerDefault: nil
        case .xavier: .xavierUniform
        case .kaiming: .kaimingNormal
        }
    }
}

/// The optimizers `dive train` offers.
enum OptimizerKind: String, Codable, CaseIterable, ExpressibleByArgument {
    case sgd, adam

    /// The learning rate used when `--lr` is not given: the book's 0.1 for SGD, 0.001 for Adam.
    var defaultLearningRate: Float {
        switch self {
        case .sgd: 0.1
        case .adam: 0.001
        }
    }
}

/// The optimizer options of `dive train`.
struct OptimizerOptions: ParsableArguments {
    @Option(help: "The optimizer: sgd or adam.")
    var optimizer: OptimizerKind = .sgd

    @Option(name: .customLong("lr"), parsing: .unconditional, help: "The learning rate (default: 0.1 for sgd, 0.001 for adam).")
    var learningRate: Float?

    @Option(parsing: .unconditional, help: "SGD momentum, in [0, 1).")
    var momentum: Float = 0

    @Option(parsing: .unconditional, help: "L2 weight decay (added to the gradient), ≥ 0.")
    var weightDecay: Float = 0

    mutating func validate() throws {
        if let learningRate, !(learningRate.isFinite && learningRate > 0) {
            throw ValidationError("--lr must be a positive number, got \(learningRate)")
        }
        guard momentum >= 0, momentum < 1 else { throw ValidationError("--momentum must be in [0, 1), got \(momentum)") }
        guard momentum == 0 || optimizer == .sgd else {
            throw ValidationError("--momentum applies to --optimizer sgd only")
        }
        guard weightDecay >= 0, weightDecay.isFinite else {
            throw ValidationError("--weight-decay must be a non-negative number, got \(weightDecay)")
        }
    }

    /// The learning rate in effect.
    var effectiveLearningRate: Float { learningRate ?? optimizer.defaultLearningRate }

    /// The optimizer over `parameters`.
    func make(parameters: [Parameter]) -> any Optimizer {
        switch optimizer {
        case .sgd:
            SGD(parameters: parameters, learningRate: effectiveLearningRate, momentum: momentum, weightDecay: weightDecay)
        case .adam:
            Adam(parameters: parameters, learningRate: effectiveLearningRate, weightDecay: weightDecay)
        }
    }

    /// A one-line description for metadata and logs, e.g. `sgd lr=0.1 momentum=0.0 weight_decay=0.0`.
    var summary: String {
        var text = "\(optimizer.rawValue) lr=\(effectiveLearningRate)"
        if optimizer == .sgd { text += " momentum=\(momentum)" }
        return text + " weight_decay=\(weightDecay)"
    }
}
