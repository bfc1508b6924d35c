import Dive
import Foundation

/// Everything needed to rebuild a model: recorded in a checkpoint's metadata (key `architecture`,
/// as JSON) so that `dive evaluate` and `dive predict` rebuild what `dive train` trained.
struct ModelArchitecture: Codable, Equatable {
    var model: ModelKind
    /// Input features per example (height × width for images).
    var inputs: Int
    var classes: Int
    /// Hidden layer sizes; empty for softmax regression.
    var hidden: [Int]
    var activation: ActivationKind
    /// One dropout probability per hidden layer (0: no Dropout layer).
    var dropout: [Float]

    /// The metadata key under which checkpoints record the architecture.
    static let metadataKey = "architecture"

    /// The model as a `Sequential`, with PyTorch's default initialisation from `generator`;
    /// Dropout layers draw their masks from seeds derived from `seed`.
    func build(generator: inout RandomGenerator, seed: UInt64) -> Sequential {
        var layers: [any Layer] = [Flatten()]
        var width = inputs
        for (index, size) in hidden.enumerated() {
            layers.append(Linear(inputSize: width, outputSize: size, generator: &generator))
            layers.append(activationLayer())
            if dropout[index] > 0 {
                layers.append(Dropout(probability: dropout[index], generator: RandomGenerator(seed: seed &+ UInt64(index + 1))))
            }
            width = size
        }
        layers.append(Linear(inputSize: width, outputSize: classes, generator: &generator))
        return Sequential(layers)
    }

    private func activationLayer() -> any Layer {
        switch activation {
        case .relu: ReLU()
        case .sigmoid: Sigmoid()
        case .tanh: Tanh()
        case .prelu: PReLU()
        }
    }

    /// A one-line description, e.g. `Flatten → Linear(784, 256) → ReLU → Linear(256, 10)`.
    var summary: String {
        var parts = ["Flatten"]
        var width = inputs
        for (index, size) in hidden.enumerated() {
            parts.append("Linear(\(width), \(size))")
            parts.append(activation.layerName)
            if dropout[index] > 0 { parts.append("Dropout(\(dropout[index]))") }
            width = size
        }
        parts.append("Linear(\(width), \(classes))")
        return parts.joined(separator: " → ")
    }

    /// The architecture as compact JSON, for checkpoint metadata.
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        // A struct of strings, integers and finite floats always encodes.
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }

    /// The architecture recorded in checkpoint `metadata`, nil when there is none.
    static func recorded(in metadata: [String: String], file: String) throws -> ModelArchitecture? {
        guard let text = metadata[metadataKey] else { return nil }
        let invalid = { (reason: String) in
            CommandError("\(file): the architecture in the metadata is not valid (\(reason))")
        }
        let architecture: ModelArchitecture
        do {
            architecture = try JSONDecoder().decode(ModelArchitecture.self, from: Data(text.utf8))
        } catch {
            throw invalid("\(error)")
        }
        guard architecture.inputs > 0, architecture.classes > 0, architecture.hidden.allSatisfy({ $0 > 0 }),
              architecture.dropout.count == architecture.hidden.count else {
            throw invalid("sizes must be positive, with one dropout probability per hidden layer")
        }
        return architecture
    }
}
