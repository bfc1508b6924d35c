import ArgumentParser
import Dive

/// The datasets `dive` trains and evaluates on.
enum DatasetName: String, Codable, CaseIterable, ExpressibleByArgument {
    case fashionMNIST = "fashion-mnist"
    case mnist

    /// Loads one split, searching `dataDirectory` first (then `$DIVE_DATA_DIR`, the cache and
    /// the system's datasets).
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

    @Option(help: "A directory holding the dataset's IDX files (searched before $DIVE_DATA_DIR, ~/.cache/dive and /usr/share/datasets).")
    var dataDir: String?

    @Option(help: "Examples per mini-batch.")
    var batchSize = 256

    mutating func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive, got \(batchSize)") }
    }
}
