import ArgumentParser
import Dive

/// `dive predict`: the true and predicted labels of the first test images.
struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Show the true and predicted labels of the first test images for a checkpoint."
    )

    @Option(help: "The safetensors checkpoint, e.g. runs/<date-time>/model.safetensors.")
    var checkpoint: String

    @Option(help: "How many test images, from the first.")
    var count = 10

    @OptionGroup var model: ModelOptions
    @OptionGroup var data: DatasetOptions

    mutating func validate() throws {
        guard count > 0 else { throw ValidationError("--count must be positive, got \(count)") }
    }

    func run() throws {
        let loaded = try CheckpointedModel(path: checkpoint, options: model, data: data)
        let images = loaded.testSet.subset(0..<min(count, loaded.testSet.count))
        let predicted = predict(loaded.model, on: DataLoader(images, batchSize: data.batchSize, shuffle: false))
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
