import ArgumentParser
import Dive

/// The datasets `dive` trains and evaluates on.
enum DatasetName: String, Codable, CaseIterable, ExpressibleByArgument {
    case fashionMNIST = "fashion-mnist"
    case mnist

    /// Loads both splits from one folder: `dataDirectory` when given, else `$DIVE_DATA_DIR` when
    /// set, else the cache or the system's datasets.
    func loadSplits(dataDirectory: String?) throws -> DatasetSplits {
        switch self {
        case .fashionMNIST: try FashionMNIST.loadSplits(dataDirectory: dataDirectory)
        case .mnist: try MNIST.loadSplits(dataDirectory: dataDirectory)
        }
    }

    /// Loads one split from where ``loadSplits(dataDirectory:)`` looks.
    func load(_ split: Split, dataDirectory: String?) throws -> ImageDataset {
        switch self {
        case .fashionMNIST: try FashionMNIST.load(split, dataDirectory: dataDirectory)
        case .mnist: try MNIST.load(split, dataDirectory: dataDirectory)
        }
    }
}

/// Where the data comes from and how it is batched, shared by the commands.
struct DatasetOptions: ParsableArguments {
    @Option(help: "The dataset: fashion-mnist or mnist (default: fashion-mnist, or the checkpoint's).")
    var dataset: DatasetName?

    @Option(help: "A directory holding the dataset's IDX files, the only place looked (default: $DIVE_DATA_DIR, else ~/.cache/dive, then /usr/share/datasets).")
    var dataDir: String?

    @Option(help: "Examples per mini-batch.")
    var batchSize = 256

    mutating func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive, got \(batchSize)") }
    }
}
