import ArgumentParser
import Dive
import Foundation

/// `dive export`: a trained model as an ONNX file, for ONNX Runtime and other runtimes.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a trained model as an ONNX file (opset 13), to run it with ONNX Runtime.",
        discussion: """
            The architecture comes from the checkpoint's metadata, as written by dive train: \
            model.safetensors or the training checkpoint, or a run folder (its model.safetensors, \
            else its checkpoint.safetensors). The graph takes 'input' [batch, 1, 28, 28] and gives \
            'logits' [batch, classes] ('probabilities' with --softmax); Dropout is left out. The \
            Dive version and the training configuration are stored as metadata_props.
            """
    )

    /// The formats `dive export` writes.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case onnx
    }

    @Option(help: "The checkpoint (model.safetensors or checkpoint.safetensors) or run folder to export.")
    var checkpoint: String

    @Option(help: "The file format: onnx.")
    var format: Format = .onnx

    @Option(help: "The file to write, e.g. model.onnx; replaced atomically if it exists.")
    var out: String

    @Flag(help: "End the graph with a softmax over the classes: its output is 'probabilities'.")
    var softmax = false

    func run() throws {
        let source = try ExportedCheckpoint(path: checkpoint)
        let export = ONNXExport(inputShape: source.inputShape, appendsSoftmax: softmax, metadata: source.properties)
        try export.write(source.model, to: out)
        let parameters = source.model.parameters.reduce(0) { $0 + $1.value.count }
        let inputShape = (["batch"] + source.inputShape.map(String.init)).joined(separator: ", ")
        print("wrote \(out): ONNX opset \(ONNXExport.opsetVersion), \(source.architecture.summary), "
              + "\(parameters) parameters; input '\(ONNXExport.inputName)' [\(inputShape)], "
              + "output '\(export.outputName)' [batch, \(source.architecture.classes)]")
    }
}

/// A model rebuilt for export from a checkpoint or a run folder, with what the ONNX file records
/// about it.
struct ExportedCheckpoint {
    /// The checkpoint file read.
    let file: String
    let architecture: ModelArchitecture
    let model: Sequential
    /// The shape of one example: `[1, side, side]` for square images, else `[inputs]`.
    let inputShape: [Int]
    /// The checkpoint's metadata, less the training state, with the run's `config.json` (when
    /// it is beside the checkpoint) as `training_config`.
    let properties: [String: String]

    /// Reads `path`, a checkpoint or a run folder, and rebuilds its model with its weights.
    init(path: String) throws {
        file = Self.checkpointFile(in: path)
        let contents = try Safetensors(contentsOf: file)
        guard let recorded = try ModelArchitecture.recorded(in: contents.metadata, file: file) else {
            throw CommandError("\(file): no '\(ModelArchitecture.metadataKey)' in the metadata; export rebuilds "
                               + "the model from it, and dive train writes it into model.safetensors and "
                               + "checkpoint.safetensors")
        }
        architecture = recorded
        var generator = RandomGenerator(seed: 0)
        model = architecture.build(generator: &generator, seed: 0)
        if contents.metadata[TrainingCheckpoint.trainingKey] != nil {
            let training = try TrainingCheckpoint(contentsOf: file)
            try model.load(Safetensors(tensors: training.parameters), from: file)
        } else {
            try model.load(contents, from: file)
        }
        let side = Int(Double(architecture.inputs).squareRoot().rounded())
        inputShape = side * side == architecture.inputs ? [1, side, side] : [architecture.inputs]
        var properties = contents.metadata.filter { $0.key != TrainingCheckpoint.trainingKey && $0.key != "format" }
        let config = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("config.json")
        if let text = try? String(contentsOf: config, encoding: .utf8) {
            properties["training_config"] = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        self.properties = properties
    }

    /// The checkpoint in run folder `path` (model.safetensors, else the training checkpoint),
    /// or `path` itself when it is not a folder.
    private static func checkpointFile(in path: String) -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            return path
        }
        let folder = URL(fileURLWithPath: path)
        let model = folder.appendingPathComponent("model.safetensors").path
        return FileManager.default.fileExists(atPath: model) ? model
            : folder.appendingPathComponent(RunFolder.checkpointName).path
    }
}
