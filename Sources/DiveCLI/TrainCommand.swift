import ArgumentParser
import Dive
import Foundation

/// `dive train`: trains a classifier and writes a run folder. The defaults reproduce the book's
/// MLP on Fashion-MNIST (one hidden layer of 256 ReLUs, N(0, 0.01²) weights, SGD lr 0.1,
/// batches of 256, 10 epochs).
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a classifier on Fashion-MNIST or MNIST (default: the book's MLP).",
        discussion: """
            Prints each epoch's loss and accuracy (on standard error, with a live chart of the curves on a \
            terminal) and the final test accuracy, and writes config.json, metrics.json, history.csv, \
            model.safetensors, curves.svg/.png, predictions.svg/.png and report.html to the run folder. \
            After every epoch it saves checkpoint.safetensors; Ctrl-C stops after the current batch and \
            saves it too, and `dive train --resume DIR` continues from it.
            """
    )

    @OptionGroup var model: ModelOptions
    @OptionGroup var regularization: DropoutOption
    @OptionGroup var data: DatasetOptions
    @OptionGroup var optimization: OptimizerOptions

    @Option(name: .customLong("init"), help: "Weight initialisation: normal:STD (zero biases), default (PyTorch's), xavier or kaiming.")
    var initialization = WeightInitialization.normal(std: 0.01)

    @Option(parsing: .unconditional, help: "Passes over the training set.")
    var epochs = 10

    @Option(parsing: .unconditional, help: "Seed for the initial weights, the batch order and dropout.")
    var seed: UInt64 = 0

    @Option(help: "The run folder (default: runs/<date-time>); it must be empty unless --overwrite is given.")
    var out: String?

    @Flag(help: "Replace the run files (config.json, model.safetensors, …) of a run already in --out.")
    var overwrite = false

    @Option(help: "Start from the weights in this safetensors file, training checkpoint or run folder (e.g. one written by PyTorch).")
    var initFrom: String?

    @Flag(help: "Take batches in file order (the last partial batch is kept).")
    var noShuffle = false

    @Flag(help: "Print the final metrics as one JSON object on standard output.")
    var json = false

    @OptionGroup var compute: ThreadsOption

    @Option(help: ArgumentHelp("Continue the interrupted or finished run in this folder from its checkpoint, with its options (--epochs N to train further).", valueName: "run-dir"))
    var resume: String?

    @Option(parsing: .unconditional, help: "Train on the first N training images only (quick trials; default: all).")
    var trainSubset: Int?

    mutating func validate() throws {
        guard epochs > 0 else { throw ValidationError("--epochs must be positive, got \(epochs)") }
        if let trainSubset, trainSubset <= 0 { throw ValidationError("--train-subset must be positive, got \(trainSubset)") }
        if let out, out.isEmpty { throw ValidationError("--out: the folder name is empty") }
        if overwrite, resume != nil {
            throw ValidationError("--overwrite cannot be given with --resume: the resumed run continues in its folder")
        }
        try regularization.validate(hiddenLayers: model.hidden.values.count)
    }

    func run() throws {
        if let resume {
            let (command, checkpoint) = try resumed(from: resume)
            try command.train(from: checkpoint)
        } else {
            try train(from: nil)
        }
    }

    /// Trains from the start, or from `checkpoint` (`--resume`), saving a checkpoint after every
    /// epoch and when interrupted, then writes the model, metrics and pictures.
    private func train(from checkpoint: TrainingCheckpoint?) throws {
        compute.apply()
        let datasets = try loadDatasets()
        if let checkpoint { try Self.checkSameData(datasets.splits, as: checkpoint) }
        let architecture = try checkedArchitecture(for: datasets.train)
        let network = try buildNetwork(architecture, resuming: checkpoint)
        let optimizer = optimization.make(parameters: network.parameters)
        let (folder, lock) = try prepareRunFolder(resuming: checkpoint != nil, parameterCount: network.parameterCount)
        try checkpoint?.restore(into: network, optimizer: optimizer, from: folder.file(RunFolder.checkpointName))
        try folder.writeJSON(configuration(datasets, architecture), to: "config.json")
        announce(architecture, network: network, datasets: datasets, resuming: checkpoint, in: folder)
        let interruption = Interruption(cleaning: folder)
        let history = try fitSavingCheckpoints(network, optimizer: optimizer, datasets: datasets,
                                               metadata: checkpointMetadata(architecture, datasets, resuming: checkpoint),
                                               from: checkpoint?.training.position ?? TrainingPosition(), in: folder,
                                               lock: lock, interruption: interruption)
        try finish(network, architecture: architecture, history: history, datasets: datasets, in: folder)
        lock.release()
        withExtendedLifetime(interruption) {}
    }

    /// What a checkpoint records besides the training state: the run's arguments (for
    /// `--resume`), its epochs and threads, the architecture and the dataset.
    /// A resumed run keeps the arguments of the run it continues.
    private func checkpointMetadata(_ architecture: ModelArchitecture, _ datasets: Datasets,
                                    resuming checkpoint: TrainingCheckpoint?) -> [String: String] {
        let arguments = checkpoint?.metadata[Self.argumentsKey]
            ?? RunFolder.json(Self.arguments(Self.givenArguments, removing: Self.perInvocationOptions), pretty: false)
        var metadata = [
            Self.argumentsKey: arguments,
            "epochs": "\(epochs)",
            ModelArchitecture.metadataKey: architecture.json,
            "dataset": datasets.name.rawValue,
            Self.dataKey: datasets.splits.fingerprint.json,
        ]
        metadata["threads"] = compute.threads.map(String.init)
        return metadata
    }

    /// What `config.json` records for a run on `datasets`, with the folder actually read.
    func configuration(_ datasets: Datasets, _ architecture: ModelArchitecture) -> RunConfiguration {
        var configuration = configuration(datasets.name, architecture)
        configuration.dataDirectory = datasets.splits.directory
        return configuration
    }

    func configuration(_ dataset: DatasetName, _ architecture: ModelArchitecture) -> RunConfiguration {
        RunConfiguration(version: DiveVersion.current, dataset: dataset.rawValue, dataDirectory: data.dataDir,
                         architecture: architecture, initialization: initialization.description, initFrom: initFrom,
                         optimizer: optimization.optimizer.rawValue, learningRate: optimization.effectiveLearningRate,
                         momentum: optimization.momentum, weightDecay: optimization.weightDecay,
                         batchSize: data.batchSize, epochs: epochs, seed: seed, shuffle: !noShuffle, threads: compute.threads,
                         trainSubset: trainSubset)
    }

    func summary(of history: History, architecture: ModelArchitecture, parameters: Int,
                 folder: RunFolder) -> RunMetrics {
        let last = history.epochs[history.epochs.count - 1]
        let seconds = history.epochs.map(\.seconds).reduce(0, +) / Double(history.epochs.count)
        return RunMetrics(trainLoss: last.trainLoss, trainAccuracy: last.trainAccuracy, testLoss: last.testLoss,
                          testAccuracy: last.testAccuracy, epochs: epochs, epochSeconds: (seconds * 1000).rounded() / 1000,
                          seed: seed, model: architecture.model.rawValue, architecture: architecture.summary,
                          parameters: parameters, runDirectory: folder.path)
    }
}
