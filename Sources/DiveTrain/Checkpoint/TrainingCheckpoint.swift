import DiveCore
import DiveNN
import DiveOptim
import Foundation

/// Everything needed to resume training exactly: the model's parameters, the optimizer's state,
/// the random generators of its Dropout layers, and the ``TrainingPosition`` (epochs done,
/// history, batches into the next epoch).
///
/// Stored as one safetensors file, written atomically: parameters under `model.<name>`
/// (PyTorch's `state_dict` names), optimizer state under `optimizer.<key>`, and in the metadata
/// the position and generators as JSON (`dive.training`) beside the caller's own strings.
public struct TrainingCheckpoint: Sendable {
    /// The parameters, by `state_dict` name.
    public var parameters: [(name: String, tensor: Tensor)]
    /// The optimizer's `Optimizer.state`.
    public var optimizerState: [String: Tensor]
    /// How far training had gone, with the generators of the model's Dropout layers.
    public var training: TrainingState
    /// The caller's strings (configuration, architecture), kept beside the training state.
    public var metadata: [String: String]

    /// The part of a checkpoint stored as JSON.
    public struct TrainingState: Codable, Equatable, Sendable {
        /// Where training stood.
        public var position: TrainingPosition
        /// The generator of each Dropout layer, by layer name (``DiveNN/Layer/namedLayers``).
        public var dropoutGenerators: [String: RandomGenerator]

        enum CodingKeys: String, CodingKey {
            case position
            case dropoutGenerators = "dropout_generators"
        }
    }

    /// The metadata key of the training state's JSON.
    public static let trainingKey = "dive.training"

    /// The state of `model` and `optimizer` at `position`.
    public init(model: any Layer, optimizer: any Optimizer, position: TrainingPosition,
                metadata: [String: String] = [:]) {
        parameters = model.namedParameters.map { ($0.name, $0.parameter.value.detached()) }
        optimizerState = optimizer.state
        var generators: [String: RandomGenerator] = [:]
        for (name, layer) in model.namedLayers {
            if let dropout = layer as? Dropout { generators[name] = dropout.generator }
        }
        training = TrainingState(position: position, dropoutGenerators: generators)
        self.metadata = metadata
    }

    /// Writes the checkpoint to `path` atomically: a crash or a full disk leaves the previous
    /// file in place, never a truncated one.
    public func write(to path: String) throws(SafetensorsError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf",
                                                                      negativeInfinity: "-inf", nan: "nan")
        // Numbers, strings and generator states always encode with this strategy.
        let json = String(decoding: try! encoder.encode(training), as: UTF8.self)
        let tensors = parameters.map { (name: "model.\($0.name)", tensor: $0.tensor) }
            + optimizerState.keys.sorted().map { (name: "optimizer.\($0)", tensor: optimizerState[$0]!) }
        try Safetensors(tensors: tensors, metadata: metadata.merging([Self.trainingKey: json]) { _, new in new })
            .write(to: path)
    }

    /// Reads a checkpoint written by ``write(to:)``.
    ///
    /// - Throws: ``SafetensorsError`` for an unreadable or malformed file, including one that is
    ///   not a training checkpoint (no training state, or tensors outside `model.` and `optimizer.`).
    public init(contentsOf path: String) throws(SafetensorsError) {
        let file = try Safetensors(contentsOf: path)
        guard let json = file.metadata[Self.trainingKey] else {
            throw .invalidHeader(file: path, reason: "no '\(Self.trainingKey)' metadata; not a training checkpoint "
                                 + "written by dive train")
        }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf",
                                                                        negativeInfinity: "-inf", nan: "nan")
        do {
            training = try decoder.decode(TrainingState.self, from: Data(json.utf8))
        } catch {
            throw .invalidHeader(file: path, reason: "the '\(Self.trainingKey)' metadata is not valid: \(error)")
        }
        var parameters: [(name: String, tensor: Tensor)] = []
        var optimizerState: [String: Tensor] = [:]
        for (name, tensor) in file.tensors {
            if name.hasPrefix("model.") {
                parameters.append((String(name.dropFirst("model.".count)), tensor))
            } else if name.hasPrefix("optimizer.") {
                optimizerState[String(name.dropFirst("optimizer.".count))] = tensor
            } else {
                throw .invalidEntry(file: path, tensor: name, reason: "expected a name starting with model. or optimizer.")
            }
        }
        self.parameters = parameters
        self.optimizerState = optimizerState
        metadata = file.metadata.filter { $0.key != Self.trainingKey }
    }

    /// Puts the saved parameters, optimizer state and Dropout generators back into `model` and
    /// `optimizer`, which must have the architecture and optimizer kind the checkpoint was
    /// made with; `path` names the file in errors.
    ///
    /// - Throws: ``CheckpointMismatch`` listing every differing parameter, or
    ///   `OptimizerStateError`; either way before anything is changed.
    public func restore(into model: any Layer, optimizer: any Optimizer, from path: String) throws {
        let layers = model.namedLayers.filter { $0.layer is Dropout }
        let missing = layers.map(\.name).filter { training.dropoutGenerators[$0] == nil }
        guard missing.isEmpty, layers.count == training.dropoutGenerators.count else {
            throw CheckpointMismatch(file: path, problems: [
                "the checkpoint has random generators for Dropout layers \(training.dropoutGenerators.keys.sorted()), "
                    + "the model has Dropout layers \(layers.map(\.name))",
            ])
        }
        let saved = model.namedParameters.map { $0.parameter.value }
        try model.load(Safetensors(tensors: parameters), from: path)
        do {
            try optimizer.loadState(optimizerState)
        } catch {
            for (parameter, value) in zip(model.parameters, saved) { parameter.value = value }
            throw error
        }
        for (name, layer) in layers {
            // Checked above: every Dropout layer has a generator.
            (layer as! Dropout).generator = training.dropoutGenerators[name]!
        }
    }
}
