import ArgumentParser
import Dive

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

    @Option(help: "The checkpoint: a safetensors file (model.safetensors, checkpoint.safetensors, or one written by PyTorch), or a run folder.")
    var checkpoint: String

    @OptionGroup var model: ModelOptions
    @OptionGroup var data: DatasetOptions
    @OptionGroup var compute: ThreadsOption

    @Flag(help: "Print the result as one JSON object on standard output (a loss that is not a number as null).")
    var json = false

    func run() throws {
        compute.apply()
        let loaded = try CheckpointedModel(path: checkpoint, options: model, data: data)
        let result = evaluate(loaded.model, on: DataLoader(loaded.testSet, batchSize: data.batchSize, shuffle: false))
        if json {
            print(RunFolder.json(EvaluationReport(result, checkpoint: loaded.path, dataset: loaded.dataset,
                                                  finiteWeights: loaded.hasFiniteWeights), pretty: false))
        } else {
            print(String(format: "test loss %.4f  test accuracy %.4f", result.loss, result.accuracy)
                  + "  (\(result.count) \(loaded.dataset.rawValue) test images, \(loaded.architecture.summary))")
        }
    }
}

/// The JSON that `dive evaluate --json` prints. A loss that is not a finite number is written
/// as `null` (``RunFolder/json(_:pretty:)``), and `warning` says why.
struct EvaluationReport: Encodable {
    var testLoss: Double
    var testAccuracy: Double
    var count: Int
    var checkpoint: String
    var dataset: String
    var warning: String?

    init(_ evaluation: Evaluation, checkpoint: String, dataset: DatasetName, finiteWeights: Bool) {
        testLoss = evaluation.loss
        testAccuracy = evaluation.accuracy
        count = evaluation.count
        self.checkpoint = checkpoint
        self.dataset = dataset.rawValue
        if !finiteWeights {
            warning = "the checkpoint holds NaN or infinite weights: the figures mean nothing"
        } else if !testLoss.isFinite {
            warning = "the loss is \(evaluation.loss), not a finite number (shown as null)"
        }
    }

    enum CodingKeys: String, CodingKey {
        case count, checkpoint, dataset, warning
        case testLoss = "test_loss", testAccuracy = "test_acc"
    }
}
