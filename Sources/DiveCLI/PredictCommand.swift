import ArgumentParser
import Dive
import Foundation

/// `dive predict`: the true and predicted labels of the first test images.
struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Show the true and predicted labels of the first test images for a checkpoint."
    )

    @Option(help: "The checkpoint: a safetensors file (model.safetensors, checkpoint.safetensors, or one written by PyTorch), or a run folder.")
    var checkpoint: String

    @Option(parsing: .unconditional, help: "How many test images, from the first.")
    var count = 10

    @Option(help: ArgumentHelp("Also draw the images, titled with their true and predicted labels, to this .png or .svg file.",
                               valueName: "file"))
    var out: String?

    @OptionGroup var model: ModelOptions
    @OptionGroup var data: DatasetOptions
    @OptionGroup var compute: ThreadsOption

    @Flag(help: "Print labels, predictions and logits as one JSON object on standard output (logits that are not numbers as null).")
    var json = false

    mutating func validate() throws {
        guard count > 0 else { throw ValidationError("--count must be positive, got \(count)") }
        if let out { try PredictionPicture.checkDestination(out) }
    }

    func run() throws {
        compute.apply()
        let loaded = try CheckpointedModel(path: checkpoint, options: model, data: data)
        let images = loaded.testSet.subset(0..<min(count, loaded.testSet.count))
        let batches = DataLoader(images, batchSize: data.batchSize, shuffle: false)
        let predicted = predict(loaded.model, on: batches)
        if let out {
            try PredictionPicture(images: images, predicted: predicted).write(to: out)
            FileHandle.standardError.write(Data("wrote \(out)\n".utf8))
        }
        if json {
            loaded.model.eval()
            let logits = loaded.model.logits(on: batches)
            print(RunFolder.json(PredictionReport(checkpoint: loaded.path, dataset: loaded.dataset.rawValue,
                                                  labels: images.labels, logits: logits), pretty: false))
            return
        }
        let truth = images.textLabels(images.labels)
        let guesses = images.textLabels(predicted)
        let width = max(4, (truth + guesses).map(\.count).max() ?? 0)
        func padded(_ text: String) -> String { text + String(repeating: " ", count: width - text.count) }
        print("index  \(padded("true"))  predicted")
        for index in 0..<images.count {
            let mark = images.labels[index] == predicted[index] ? "" : "  (wrong)"
            print(String(repeating: " ", count: max(0, 5 - "\(index)".count)) + "\(index)  "
                  + "\(padded(truth[index]))  \(guesses[index])\(mark)")
        }
        let correct = zip(images.labels, predicted).count { $0 == $1 }
        print("\(correct) of \(images.count) correct")
    }
}

extension Layer {
    /// The logits of every example of `batches`, one row each, without recording gradients.
    fileprivate func logits(on batches: some Sequence<LabeledBatch>) -> [[Float]] {
        withoutGradients {
            batches.flatMap { batch in
                let output = self(batch.inputs)
                let width = output.shape[1]
                let values = output.scalars
                return (0..<output.shape[0]).map { Array(values[$0 * width ..< ($0 + 1) * width]) }
            }
        }
    }
}

/// The JSON that `dive predict --json` prints: the true labels, the predicted classes and the
/// logits (one row of class scores per image).
struct PredictionReport: Encodable {
    var checkpoint: String
    var dataset: String
    var labels: [Int]
    var predicted: [Int]
    var logits: [[Float]]

    init(checkpoint: String, dataset: String, labels: [Int], logits: [[Float]]) {
        self.checkpoint = checkpoint
        self.dataset = dataset
        self.labels = labels
        self.logits = logits
        predicted = logits.map { row in row.indices.max { row[$0] < row[$1] } ?? 0 }
    }
}
