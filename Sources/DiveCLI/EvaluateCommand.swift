import ArgumentParser
import Dive

/// `dive evaluate` and `dive predict`.
struct CheckpointedModel {
    let model: Sequential
    let architecture: ModelArchitecture
    let testSet: ImageDataset
    let dataset: DatasetName

    /// Reads `path`, rebuilds the architecture recorded in its metadata (or, for a checkpoint
    /// written elsewhere, the one `options` describe), loads the weights, and loads the test set
    /// of `data.dataset`, else the checkpoint's dataset, else Fashion-MNIST.
    init(path: String, options: ModelOptions, data: DatasetOptions) throws {
        let file = try Safetensors(contentsOf: path)
        if let name = data.dataset {
            dataset = name
        } else if let recorded = file.metadata["dataset"] {
            guard let name = DatasetName(rawValue: recorded) else {
                throw CommandError("\(path): unknown dataset '\(recorded)' in the metadata; pass --dataset")
            }
            dataset = name
        } else {
            dataset = .fashionMNIST
        }
        testSet = try dataset.load(.test, dataDirectory: data.dataDir)
        architecture = try ModelArchitecture.recorded(in: file.metadata, file: path)
            ?? options.architecture(inputs: testSet.height * testSet.width, classes: testSet.classNames.count)
        var generator = RandomGenerator(seed: 0)
        model = architecture.build(generator: &generator, seed: 0)
        try model.load(file, from: path)
    }
}

/// `dive evaluate`: the test loss and accuracy of a checkpoint.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Evaluate a checkpoint on the test set (loss and accuracy).",
        discussion: """
            The architecture comes from the checkpoint's metadata (as written by dive train); for a \
            checkpoint written elsewhere, describe it with the model options.
            """
    )

    @Option(help: "The safetensors checkpoint, e.g. runs/<date-time>/model.safetensors.")
    var checkpoint: String

    @OptionGroup var model: ModelOptions
    @OptionGroup var data: DatasetOptions

    @Flag(help: "Print the result as one JSON object on standard output.")
    var json = false

    func run() throws {
        let loaded = try CheckpointedModel(path: checkpoint, options: model, data: data)
        let result = evaluate(loaded.model, on: DataLoader(loaded.testSet, batchSize: data.batchSize, shuffle: false))
        if json {
            print(RunFolder.json(EvaluationReport(result, checkpoint: checkpoint, dataset: loaded.dataset), pretty: false))
        } else {
            print(String(format: "test loss %.4f  test accuracy %.4f", result.loss, result.accuracy)
                  + "  (\(result.count) \(loaded.dataset.rawValue) test images, \(loaded.architecture.summary))")
        }
    }
}

/// The JSON that `dive evaluate --json` prints.
struct EvaluationReport: Encodable {
    var testLoss: Double
    var testAccuracy: Double
    var count: Int
    var checkpoint: String
    var dataset: String

    init(_ evaluation: Evaluation, checkpoint: String, dataset: DatasetName) {
        testLoss = evaluation.loss
        testAccuracy = evaluation.accuracy
        count = evaluation.count
        self.checkpoint = checkpoint
        self.dataset = dataset.rawValue
    }

    enum CodingKeys: String, CodingKey {
        case count, checkpoint, dataset
        case testLoss = "test_loss", testAccuracy = "test_acc"
    }
}
