import ArgumentParser
import Dive

/// The kinds of model `dive` builds.
enum ModelKind: String, Codable, CaseIterable, ExpressibleByArgument {
    /// Softmax regression: Flatten → Linear(inputs, classes).
    case softmax
    /// Multilayer perceptron: Flatten → (Linear → activation → Dropout?)… → Linear(·, classes).
    case mlp
}

/// The activations an MLP's hidden layers may use.
enum ActivationKind: String, Codable, CaseIterable, ExpressibleByArgument {
    case relu, sigmoid, tanh, prelu

    /// The layer's name in model summaries.
    var layerName: String {
        switch self {
        case .relu: "ReLU"
        case .sigmoid: "Sigmoid"
        case .tanh: "Tanh"
        case .prelu: "PReLU"
        }
    }
}

/// A comma-separated list of values on the command line, such as `--hidden 256,128`.
struct CommaSeparated<Element: LosslessStringConvertible & Sendable>: ExpressibleByArgument, Sendable {
    var values: [Element]

    init(_ values: [Element]) { self.values = values }

    init?(argument: String) {
        let parts = argument.split(separator: ",", omittingEmptySubsequences: false)
            .map { Element(String($0).trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { return nil }
        values = parts.compactMap { $0 }
    }

    var defaultValueDescription: String { values.map(\.description).joined(separator: ",") }
}

/// The options that describe a model's architecture, shared by `train` and `evaluate`.
struct ModelOptions: ParsableArguments {
    @Option(help: "The model: softmax (regression) or mlp (multilayer perceptron).")
    var model: ModelKind = .mlp

    @Option(help: "Hidden layer sizes of the MLP, comma-separated (one per hidden layer).")
    var hidden = CommaSeparated<Int>([256])

    @Option(help: "Activation of the MLP's hidden layers: relu, sigmoid, tanh or prelu.")
    var activation: ActivationKind = .relu

    @Option(help: "Dropout probability after each hidden layer, comma-separated: one value for all layers or one per layer, each in [0, 1).")
    var dropout = CommaSeparated<Float>([0])

    mutating func validate() throws {
        guard hidden.values.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("--hidden: layer sizes must be positive, got \(hidden.defaultValueDescription)")
        }
        guard dropout.values.allSatisfy({ $0 >= 0 && $0 < 1 }) else {
            throw ValidationError("--dropout: probabilities must be in [0, 1), got \(dropout.defaultValueDescription)")
        }
        guard dropout.values.count == 1 || dropout.values.count == hidden.values.count else {
            throw ValidationError("--dropout: give one probability or one per hidden layer "
                                  + "(\(hidden.values.count)), got \(dropout.values.count)")
        }
    }

    /// The architecture these options describe, for images of `inputs` pixels and `classes` classes.
    func architecture(inputs: Int, classes: Int) -> ModelArchitecture {
        switch model {
        case .softmax:
            return ModelArchitecture(model: .softmax, inputs: inputs, classes: classes, hidden: [],
                                     activation: activation, dropout: [])
        case .mlp:
            let probabilities = dropout.values.count == 1
                ? Array(repeating: dropout.values[0], count: hidden.values.count) : dropout.values
            return ModelArchitecture(model: .mlp, inputs: inputs, classes: classes, hidden: hidden.values,
                                     activation: activation, dropout: probabilities)
        }
    }
}
