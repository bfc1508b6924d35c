import Dive
import Foundation

/// The rules every architecture obeys, whether it comes from the command line or from a
/// checkpoint's metadata: positive sizes, dropout probabilities in [0, 1), a model small enough
/// to fit in memory, and inputs and classes that match the dataset.
extension ModelArchitecture {
    /// The most hidden layers an MLP may have.
    static let maximumHiddenLayers = 100

    /// Bytes per parameter while training: the weight, its gradient, two optimizer buffers
    /// (Adam's moments or SGD's momentum and a spare), each a 4-byte float.
    static let trainingBytesPerParameter = 16

    /// The number of weights and biases, as a `Double` so that absurd sizes cannot overflow.
    var parameterCount: Double {
        var total = 0.0
        var width = Double(inputs)
        for size in hidden + [classes] {
            let outputs = Double(size)
            total += width * outputs + outputs
            width = outputs
        }
        return total
    }

    /// What is wrong with this architecture, one phrase per problem, each naming the field
    /// (`hidden`, `dropout`, …) as the command-line option would; empty when it can be built
    /// and trained in `memory` bytes.
    func problems(memory: UInt64 = ProcessInfo.processInfo.physicalMemory) -> [String] {
        var problems: [String] = []
        if inputs <= 0 { problems.append("inputs must be positive, got \(inputs)") }
        if classes < 2 { problems.append("classes must be at least 2, got \(classes)") }
        switch model {
        case .softmax where !hidden.isEmpty:
            problems.append("a softmax model has no hidden layers, got hidden \(hidden)")
        case .mlp where hidden.isEmpty:
            problems.append("an mlp needs at least one hidden layer, got none")
        default: break
        }
        if hidden.count > Self.maximumHiddenLayers {
            problems.append("at most \(Self.maximumHiddenLayers) hidden layers, got \(hidden.count)")
        }
        if let size = hidden.first(where: { $0 <= 0 }) {
            problems.append("hidden layer sizes must be positive, got \(size)")
        }
        if dropout.count != hidden.count {
            problems.append("one dropout probability per hidden layer (\(hidden.count)), got \(dropout.count)")
        }
        if let probability = dropout.first(where: { !($0 >= 0 && $0 < 1) }) {
            problems.append("dropout probabilities must be in [0, 1), got \(probability)")
        }
        guard problems.isEmpty else { return problems }
        if let tooLarge = memoryProblem(memory: memory) { problems.append(tooLarge) }
        return problems
    }

    /// Why a model of this size cannot be trained in `memory` bytes, or nil when it can.
    private func memoryProblem(memory: UInt64) -> String? {
        let needed = parameterCount * Double(Self.trainingBytesPerParameter)
        guard needed > Double(memory) else { return nil }
        let count = parameterCount < 1e12 ? String(Int(parameterCount)) : String(format: "%.3g", parameterCount)
        return "hidden \(hidden) gives \(count) parameters, which need about \(Self.gigabytes(needed)) to train "
            + "(\(Self.trainingBytesPerParameter) bytes each); this machine has \(Self.gigabytes(Double(memory))) of memory"
    }

    /// `bytes` in gigabytes, e.g. `25.2 GB`, or `3.1e+09 GB` for absurd sizes.
    private static func gigabytes(_ bytes: Double) -> String {
        bytes < 1e15 ? String(format: "%.1f GB", bytes / 1e9) : String(format: "%.3g GB", bytes / 1e9)
    }

    /// Where this architecture disagrees with images of `inputs` pixels in `classes` classes.
    func mismatches(inputs expectedInputs: Int, classes expectedClasses: Int) -> [String] {
        var problems: [String] = []
        if inputs != expectedInputs {
            problems.append("inputs \(inputs), but the dataset's images have \(expectedInputs) pixels")
        }
        if classes != expectedClasses {
            problems.append("classes \(classes), but the dataset has \(expectedClasses) classes")
        }
        return problems
    }

    /// The fields in which `recorded` differs from this architecture, e.g. `hidden 128 (checkpoint: 256)`;
    /// dropout, which has no weights, is not compared.
    func differences(from recorded: ModelArchitecture) -> [String] {
        var differences: [String] = []
        func compare(_ name: String, _ mine: String, _ theirs: String) {
            if mine != theirs { differences.append("\(name) \(mine) (checkpoint: \(theirs))") }
        }
        compare("model", model.rawValue, recorded.model.rawValue)
        compare("inputs", "\(inputs)", "\(recorded.inputs)")
        compare("classes", "\(classes)", "\(recorded.classes)")
        compare("hidden", hidden.map(String.init).joined(separator: ","), recorded.hidden.map(String.init).joined(separator: ","))
        if !hidden.isEmpty { compare("activation", activation.rawValue, recorded.activation.rawValue) }
        return differences
    }
}
