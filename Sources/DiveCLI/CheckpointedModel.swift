import Dive
import Foundation

/// A model rebuilt from a checkpoint, with the test set it is evaluated on; shared by
/// `dive evaluate` and `dive predict`.
struct CheckpointedModel {
    let model: Sequential
    let architecture: ModelArchitecture
    let testSet: ImageDataset
    let dataset: DatasetName
    /// The file the weights came from (the given file, or the one chosen in a run folder).
    let path: String

    /// Reads the checkpoint `given` (a file or a run folder), rebuilds the architecture recorded
    /// in its metadata (or, for a checkpoint written elsewhere, the one `options` describe),
    /// loads the weights, and loads the test set of `data.dataset`, else the checkpoint's
    /// dataset, else Fashion-MNIST.
    ///
    /// - Throws: When model options given contradict the recorded architecture, when that
    ///   architecture does not fit the test images, or when the weights do not fit it.
    init(path given: String, options: ModelOptions, data: DatasetOptions) throws {
        let source = try CheckpointSource(resolving: given, option: "--checkpoint")
        path = source.path
        let metadata = source.weights.metadata
        if let name = data.dataset {
            dataset = name
        } else if let recorded = metadata["dataset"] {
            guard let name = DatasetName(rawValue: recorded) else {
                throw CommandError("\(path): unknown dataset '\(recorded)' in the metadata; pass --dataset")
            }
            dataset = name
        } else {
            dataset = .fashionMNIST
        }
        let recorded = try source.architecture()
        if let recorded {
            let contradictions = options.contradictions(of: recorded)
            guard contradictions.isEmpty else {
                throw CommandError("\(path) records its architecture, \(recorded.summary), and the options given "
                                   + "differ: \(contradictions.joined(separator: ", ")); leave them out (they are for "
                                   + "checkpoints without an architecture in their metadata)")
            }
        }
        testSet = try dataset.load(.test, dataDirectory: data.dataDir)
        let pixels = testSet.height * testSet.width, classes = testSet.classNames.count
        if let recorded {
            let mismatches = recorded.mismatches(inputs: pixels, classes: classes)
            guard mismatches.isEmpty else {
                throw CommandError("\(path): the architecture in the metadata does not fit the \(dataset.rawValue) "
                                   + "test set: \(mismatches.joined(separator: "; "))")
            }
        }
        architecture = recorded ?? options.architecture(inputs: pixels, classes: classes, dropout: [0])
        if recorded == nil, let problem = architecture.problems().first {
            throw CommandError("cannot build the model: \(problem)")
        }
        source.announce()
        var generator = RandomGenerator(seed: 0)
        model = architecture.build(generator: &generator, seed: 0)
        try model.load(source.weights, from: path)
        warnAboutNonFiniteWeights()
    }

    /// Says on standard error when weights are NaN or infinite: every figure computed from them
    /// is then meaningless.
    private func warnAboutNonFiniteWeights() {
        let bad = model.namedParameters.compactMap { entry -> (String, Int)? in
            let count = entry.parameter.value.scalars.count { !$0.isFinite }
            return count > 0 ? (entry.name, count) : nil
        }
        guard !bad.isEmpty else { return }
        let total = bad.reduce(0) { $0 + $1.1 }
        let names = bad.map { "'\($0.0)'" }.joined(separator: ", ")
        FileHandle.standardError.write(Data("""
            warning: \(path) holds \(total) NaN or infinite weight\(total == 1 ? "" : "s") (in \(names)): \
            the model's outputs are not numbers, so its loss and predictions mean nothing; \
            was it saved from a run that diverged?\n
            """.utf8))
    }

    /// Whether every weight is a finite number.
    var hasFiniteWeights: Bool { model.parameters.allSatisfy { $0.value.scalars.allSatisfy(\.isFinite) } }
}
