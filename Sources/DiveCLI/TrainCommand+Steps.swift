import Dive
import Foundation

/// The steps of `dive train`, in the order ``TrainCommand`` takes them.
extension TrainCommand {
    /// The training and test sets of the run.
    struct Datasets {
        var name: DatasetName
        /// Both splits as read, with their folder and fingerprint.
        var splits: DatasetSplits
        /// The training set, cut to `--train-subset`.
        var train: ImageDataset
        var test: ImageDataset { splits.test }
    }

    /// Loads both splits of the dataset from one folder (the training set cut to `--train-subset`).
    func loadDatasets() throws -> Datasets {
        let name = data.dataset ?? .fashionMNIST
        let splits = try name.loadSplits(dataDirectory: data.dataDir)
        var train = splits.train
        if let trainSubset { train = train.subset(0..<min(trainSubset, train.count)) }
        return Datasets(name: name, splits: splits, train: train)
    }

    /// The architecture the options describe for `trainSet`'s images, checked to fit in memory.
    func checkedArchitecture(for trainSet: ImageDataset) throws -> ModelArchitecture {
        let architecture = model.architecture(inputs: trainSet.height * trainSet.width,
                                              classes: trainSet.classNames.count, dropout: regularization.dropout.values)
        let problems = architecture.problems()
        guard problems.isEmpty else { throw CommandError("--hidden \(model.hidden.defaultValueDescription): " + problems.joined(separator: "; ")) }
        return architecture
    }

    /// The network, initialised (`--init`) and loaded from `--init-from`, unless resuming, when
    /// the checkpoint's weights replace both.
    func buildNetwork(_ architecture: ModelArchitecture, resuming checkpoint: TrainingCheckpoint?) throws -> Sequential {
        var generator = RandomGenerator(seed: seed)
        let network = architecture.build(generator: &generator, seed: seed)
        guard checkpoint == nil else { return network }
        if let initializer = initialization.initializer {
            network.initialize(weights: initializer, biases: .zeros, using: &generator)
        }
        if let initFrom {
            let source = try CheckpointSource(resolving: initFrom, option: "--init-from")
            if let recorded = try source.architecture() {
                let differences = architecture.differences(from: recorded)
                guard differences.isEmpty else {
                    throw CommandError("--init-from \(source.path) was trained as \(recorded.summary), this run builds "
                                       + "\(architecture.summary): \(differences.joined(separator: ", ")); give the "
                                       + "model options of the checkpoint")
                }
            }
            source.announce()
            try network.load(source.weights, from: source.path)
        }
        return network
    }

    /// The run folder: created, locked against other runs, checked to be this run's (or empty,
    /// or `--overwrite`), and checked for room for `parameterCount` parameters' files.
    func prepareRunFolder(resuming: Bool, parameterCount: Int) throws -> (folder: RunFolder, lock: RunFolderLock) {
        let folder = try RunFolder(creating: out ?? RunFolder.defaultPath())
        let lock = try folder.lock()
        if !resuming { try folder.prepareForNewRun(overwrite: overwrite) }
        // Model, optimizer buffers and checkpoints, each written beside its previous version.
        try folder.checkWritable(needing: 6 * 4 * parameterCount + 10_000_000)
        return (folder, lock)
    }

    /// Says what is trained on what, and where a resumed run picks up.
    func announce(_ architecture: ModelArchitecture, network: Sequential, datasets: Datasets,
                  resuming checkpoint: TrainingCheckpoint?, in folder: RunFolder) {
        var text = """
            training \(architecture.summary) (\(network.parameterCount) parameters) on \(datasets.name.rawValue): \
            \(datasets.train.count) training and \(datasets.test.count) test images, \(epochs) epoch\(epochs == 1 ? "" : "s"), \
            \(optimization.summary), batch size \(data.batchSize)\n
            """
        if let position = checkpoint?.training.position {
            let batches = DataLoader(datasets.train, batchSize: data.batchSize, shuffle: false).batchCount
            text += "resuming the run in \(folder.path) \(position.place(batchesPerEpoch: batches))\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Runs ``fit`` from `start`, writing `history.csv` and the checkpoint after every epoch;
    /// on Ctrl-C or SIGTERM (`interruption`) writes the checkpoint, says how to resume, and exits.
    func fitSavingCheckpoints(_ network: Sequential, optimizer: any Optimizer, datasets: Datasets,
                              metadata: [String: String], from start: TrainingPosition,
                              in folder: RunFolder, lock: RunFolderLock, interruption: Interruption) throws -> History {
        let checkpointPath = folder.file(RunFolder.checkpointName)
        let progress = ProgressDisplay()
        let loader = DataLoader(datasets.train, batchSize: data.batchSize, shuffle: !noShuffle, seed: seed)
        var partial = start.history
        let history: History
        do {
            history = try fit(
                network, optimizer: optimizer, train: loader,
                validation: DataLoader(datasets.test, batchSize: data.batchSize, shuffle: false),
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
            let place = stop.position.place(batchesPerEpoch: loader.batchCount)
            FileHandle.standardError.write(Data("interrupted \(place); resume with: dive train --resume \(folder.path)\n".utf8))
            lock.release()
            Foundation.exit(interruption.exitStatus)
        }
        if interruption.trainingCompleted() {
            // The signal came after the last batch, during the final evaluation: nothing is left to stop.
            FileHandle.standardError.write(Data("""
                the signal came after the last batch: the training is complete, its checkpoint written; \
                saving the model and pictures (again to quit at once)\n
                """.utf8))
        }
        return history
    }

    /// Writes the model, the metrics and the pictures, and prints the final figures.
    func finish(_ network: Sequential, architecture: ModelArchitecture, history: History, datasets: Datasets,
                in folder: RunFolder) throws {
        try network.saveCheckpoint(to: folder.file("model.safetensors"), metadata: [
            ModelArchitecture.metadataKey: architecture.json,
            "dataset": datasets.name.rawValue,
            "epoch": "\(epochs)",
            "optimizer": optimization.summary,
            "format": "pt",
        ])
        let metrics = summary(of: history, architecture: architecture, parameters: network.parameterCount, folder: folder)
        try folder.writeJSON(metrics, to: "metrics.json")
        let pictures = try RunPictures(folder: folder).write(
            model: network, testSet: datasets.test, history: history,
            configuration: configuration(datasets, architecture), metrics: metrics)
        if json {
            print(RunFolder.json(metrics, pretty: false))
        } else {
            let last = history.epochs[history.epochs.count - 1]
            print(String(format: "test accuracy %.4f (test loss %.4f, train loss %.4f, train accuracy %.4f)",
                         last.testAccuracy ?? 0, last.testLoss ?? 0, last.trainLoss, last.trainAccuracy))
            print("run saved in \(folder.path); open \(pictures.last ?? folder.file("report.html")) for the pictures")
        }
    }
}

extension Layer {
    /// The number of weights and biases.
    var parameterCount: Int { parameters.reduce(0) { $0 + $1.value.count } }
}

extension TrainingPosition {
    /// Where this position is, in words: "after epoch 2" at an epoch boundary, else
    /// "during epoch 3 (59 of 235 batches done)".
    func place(batchesPerEpoch: Int) -> String {
        if batchesDone == 0 { return completedEpochs == 0 ? "before the first batch" : "after epoch \(completedEpochs)" }
        return "during epoch \(completedEpochs + 1) (\(batchesDone) of \(batchesPerEpoch) batches done)"
    }
}
