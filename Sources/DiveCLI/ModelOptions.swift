import ArgumentParser
import Dive

extension ModelKind: ExpressibleByArgument {}

extension ActivationKind: ExpressibleByArgument {}

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

/// The options that describe a model's layers, shared by `train`, `evaluate` and `predict`
/// (dropout, which only training uses, is ``DropoutOption``).
struct ModelOptions: ParsableArguments {
    @Option(help: "The model: softmax (regression) or mlp (multilayer perceptron).")
    var model: ModelKind = .mlp

    @Option(parsing: .unconditional, help: "Hidden layer sizes of the MLP, comma-separated (one per hidden layer).")
    var hidden = CommaSeparated<Int>([256])

    @Option(help: "Activation of the MLP's hidden layers: relu, sigmoid, tanh or prelu.")
    var activation: ActivationKind = .relu

    mutating func validate() throws {
        guard hidden.values.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("--hidden: layer sizes must be positive, got \(hidden.defaultValueDescription)")
        }
        guard hidden.values.count <= ModelArchitecture.maximumHiddenLayers else {
            throw ValidationError("--hidden: at most \(ModelArchitecture.maximumHiddenLayers) hidden layers, "
                                  + "got \(hidden.values.count)")
        }
        // One input pixel and two classes is the smallest model these layers can make: when even
        // that does not fit in memory, say so before any data is read.
        let smallest = architecture(inputs: 1, classes: 2, dropout: [0])
        if let problem = smallest.problems().first {
            throw ValidationError("--hidden \(hidden.defaultValueDescription): \(problem)")
        }
    }

    /// The architecture these options describe, for images of `inputs` pixels and `classes`
    /// classes, with `dropout` after the hidden layers (one value for all, or one per layer).
    func architecture(inputs: Int, classes: Int, dropout: [Float]) -> ModelArchitecture {
        switch model {
        case .softmax:
            return ModelArchitecture(model: .softmax, inputs: inputs, classes: classes, hidden: [],
                                     activation: activation, dropout: [])
        case .mlp:
            let probabilities = dropout.count == 1 ? Array(repeating: dropout[0], count: hidden.values.count) : dropout
            return ModelArchitecture(model: .mlp, inputs: inputs, classes: classes, hidden: hidden.values,
                                     activation: activation, dropout: probabilities)
        }
    }

    /// The options typed on the command line that disagree with `recorded`, e.g.
    /// `--hidden 128 (the checkpoint has 256)`; empty when none was typed or all agree.
    func contradictions(of recorded: ModelArchitecture) -> [String] {
        var differences: [String] = []
        if GivenOptions.contains("--model"), model != recorded.model {
            differences.append("--model \(model.rawValue) (the checkpoint has \(recorded.model.rawValue))")
        }
        if GivenOptions.contains("--hidden"), model == .mlp, hidden.values != recorded.hidden {
            let saved = recorded.hidden.isEmpty ? "none" : recorded.hidden.map(String.init).joined(separator: ",")
            differences.append("--hidden \(hidden.defaultValueDescription) (the checkpoint has \(saved))")
        }
        if GivenOptions.contains("--activation"), activation != recorded.activation {
            differences.append("--activation \(activation.rawValue) (the checkpoint has \(recorded.activation.rawValue))")
        }
        return differences
    }
}

/// `--dropout`, which only `dive train` takes: evaluation and prediction never drop units.
struct DropoutOption: ParsableArguments {
    @Option(parsing: .unconditional, help: "Dropout probability after each hidden layer, comma-separated: one value for all layers or one per layer, each in [0, 1).")
    var dropout = CommaSeparated<Float>([0])

    /// Checks the probabilities against the `hiddenLayers` they follow.
    func validate(hiddenLayers: Int) throws {
        guard dropout.values.allSatisfy({ $0 >= 0 && $0 < 1 }) else {
            throw ValidationError("--dropout: probabilities must be in [0, 1), got \(dropout.defaultValueDescription)")
        }
        guard dropout.values.count == 1 || dropout.values.count == hiddenLayers else {
            throw ValidationError("--dropout: give one probability or one per hidden layer "
                                  + "(\(hiddenLayers)), got \(dropout.values.count)")
        }
    }
}
