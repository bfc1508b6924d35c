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
    @OptionGroup var data: DatasetOptions
    @OptionGroup var optimization: OptimizerOptions

    @Option(name: .customLong("init"), help: "Weight initialisation: normal:STD (zero biases), default (PyTorch's), xavier or kaiming.")
    var initialization = WeightInitialization.normal(std: 0.01)

    @Option(help: "Passes over the training set.")
    var epochs = 10

    @Option(help: "Seed for the initial weights, the batch order and dropout.")
    var seed: UInt64 = 0

    @Option(help: "The run folder (default: runs/<date-time>).")
    var out: String?

    @Option(help: "Start from the weights in this safetensors file (e.g. one written by PyTorch).")
    var initFrom: String?

    @Flag(help: "Take batches in file order (the last partial batch is kept).")
    var noShuffle = false

    @Flag(help: "Print the final metrics as one JSON object on standard output.")
    var json = false

    @Option(help: "Threads for matrix products (BLAS).")
    var threads: Int?

    @Option(help: ArgumentHelp("Continue the interrupted or finished run in this folder from its checkpoint, with its options (--epochs N to train further).", valueName: "run-dir"))
    var resume: String?

    @Option(help: "Train on the first N training images only (quick trials).")
    var trainSubset: Int?

    mutating func validate() throws {
        guard epochs > 0 else { throw ValidationError("--epochs must be positive, got \(epochs)") }
        if let threads, threads <= 0 { throw ValidationError("--threads must be positive, got \(threads)") }
        if let trainSubset, trainSubset <= 0 { throw ValidationError("--train-subset must be positive, got \(trainSubset)") }
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
    /// epoch and when interrupted.
    private func train(from checkpoint: TrainingCheckpoint?) throws {
        if let threads { ComputeThreads.set(threads) }
        let datasetName = data.dataset ?? .fashionMNIST
        let splits = try datasetName.loadSplits(dataDirectory: data.dataDir)
        if let checkpoint { try Self.checkSameData(splits, as: checkpoint) }
        var trainSet = splits.train
        if let trainSubset { trainSet = trainSet.subset(0..<min(trainSubset, trainSet.count)) }
        let testSet = splits.test
        let architecture = model.architecture(inputs: trainSet.height * trainSet.width,
                                              classes: trainSet.classNames.count)
        var generator = RandomGenerator(seed: seed)
        let network = architecture.build(generator: &generator, seed: seed)
        if let initializer = initialization.initializer, checkpoint == nil {
            network.initialize(weights: initializer, biases: .zeros, using: &generator)
        }
        if let initFrom, checkpoint == nil { try network.loadCheckpoint(from: initFrom) }
        let optimizer = optimization.make(parameters: network.parameters)
        let parameterCount = network.parameters.reduce(0) { $0 + $1.value.count }

        let folder = try RunFolder(creating: out ?? RunFolder.defaultPath())
        let checkpointPath = folder.file(RunFolder.checkpointName)
        try checkpoint?.restore(into: network, optimizer: optimizer, from: checkpointPath)
        // Model, optimizer buffers and checkpoints, each written beside its previous version.
        try folder.checkWritable(needing: 6 * 4 * parameterCount + 10_000_000)
        var config = configuration(datasetName, architecture)
        config.dataDirectory = splits.directory   // the folder actually read, absolute
        try folder.writeJSON(config, to: "config.json")
        var metadata = checkpointMetadata(architecture, datasetName, resuming: checkpoint)
        metadata[Self.dataKey] = splits.fingerprint.json
        let interruption = Interruption(cleaning: folder)
        let progress = ProgressDisplay()
        FileHandle.standardError.write(Data("""
            training \(architecture.summary) (\(parameterCount) parameters) on \(datasetName.rawValue): \
            \(trainSet.count) training and \(testSet.count) test images, \(epochs) epoch\(epochs == 1 ? "" : "s"), \
            \(optimization.summary), batch size \(data.batchSize)\n
            """.utf8))

        let start = checkpoint?.training.position ?? TrainingPosition()
        var partial = start.history
        let history: History
        do {
            history = try fit(
                network, optimizer: optimizer,
                train: DataLoader(trainSet, batchSize: data.batchSize, shuffle: !noShuffle, seed: seed),
                validation: DataLoader(testSet, batchSize: data.batchSize, shuffle: false),
                epochs: epochs, from: start, callbacks: [progress, LambdaCallback(epochFinished: { record in
                    partial.epochs.append(record)
                    try folder.write(partial.csv(), to: "history.csv")
                    try TrainingCheckpoint(model: network, optimizer: optimizer, position: TrainingPosition(history: partial),
                                           metadata: metadata).write(to: checkpointPath)
                    progress.showFooter(RunPictures.terminalChart(of: partial, usesColor: true))
                }, shouldStop: {
                    interruption.received != nil
                })]
            )
        } catch let stop as TrainingInterrupted {
            try TrainingCheckpoint(model: network, optimizer: optimizer, position: stop.position, metadata: metadata)
                .write(to: checkpointPath)
            FileHandle.standardError.write(Data("\(stop); resume with: dive train --resume \(folder.path)\n".utf8))
            Foundation.exit(interruption.exitStatus)
        }

        try network.saveCheckpoint(to: folder.file("model.safetensors"), metadata: [
            ModelArchitecture.metadataKey: architecture.json,
            "dataset": datasetName.rawValue,
            "epoch": "\(epochs)",
            "optimizer": optimization.summary,
            "format": "pt",
        ])
        let metrics = summary(of: history, architecture: architecture, parameters: parameterCount, folder: folder)
        try folder.writeJSON(metrics, to: "metrics.json")
        let pictures = try RunPictures(folder: folder).write(
            model: network, testSet: testSet, history: history, configuration: config, metrics: metrics)
        if json {
            print(RunFolder.json(metrics, pretty: false))
        } else {
            let last = history.epochs[history.epochs.count - 1]
            print(String(format: "test accuracy %.4f (test loss %.4f, train loss %.4f, train accuracy %.4f)",
                         last.testAccuracy ?? 0, last.testLoss ?? 0, last.trainLoss, last.trainAccuracy))
            print("run saved in \(folder.path); open \(pictures.last ?? folder.file("report.html")) for the pictures")
        }
    }

    /// What a checkpoint records besides the training state: the run's arguments (for
    /// `--resume`), its epochs and threads, the architecture and the dataset.
    /// A resumed run keeps the arguments of the run it continues.
    private func checkpointMetadata(_ architecture: ModelArchitecture, _ dataset: DatasetName,
                                    resuming checkpoint: TrainingCheckpoint?) -> [String: String] {
        let arguments = checkpoint?.metadata[Self.argumentsKey]
            ?? RunFolder.json(Self.arguments(Self.givenArguments, removing: Self.perInvocationOptions), pretty: false)
        var metadata = [
            Self.argumentsKey: arguments,
            "epochs": "\(epochs)",
            ModelArchitecture.metadataKey: architecture.json,
            "dataset": dataset.rawValue,
        ]
        metadata["threads"] = threads.map(String.init)
        return metadata
    }

    func configuration(_ dataset: DatasetName, _ architecture: ModelArchitecture) -> RunConfiguration {
        RunConfiguration(version: DiveVersion.current, dataset: dataset.rawValue, dataDirectory: data.dataDir,
                         architecture: architecture, initialization: initialization.description, initFrom: initFrom,
                         optimizer: optimization.optimizer.rawValue, learningRate: optimization.effectiveLearningRate,
                         momentum: optimization.momentum, weightDecay: optimization.weightDecay,
                         batchSize: data.batchSize, epochs: epochs, seed: seed, shuffle: !noShuffle, threads: threads,
                         trainSubset: trainSubset)
    }

    private func summary(of history: History, architecture: ModelArchitecture, parameters: Int,
                         folder: RunFolder) -> RunMetrics {
        let last = history.epochs[history.epochs.count - 1]
        let seconds = history.epochs.map(\.seconds).reduce(0, +) / Double(history.epochs.count)
        return RunMetrics(trainLoss: last.trainLoss, trainAccuracy: last.trainAccuracy, testLoss: last.testLoss,
                          testAccuracy: last.testAccuracy, epochs: epochs, epochSeconds: seconds, seed: seed,
                          model: architecture.model.rawValue, architecture: architecture.summary,
                          parameters: parameters, runDirectory: folder.path)
    }
}
