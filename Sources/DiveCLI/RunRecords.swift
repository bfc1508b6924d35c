/// What `config.json` records: every option of the run, so it can be repeated.
struct RunConfiguration: Encodable {
    var version: String
    var dataset: String
    var dataDirectory: String?
    var architecture: ModelArchitecture
    var initialization: String
    var initFrom: String?
    var optimizer: String
    var learningRate: Float
    var momentum: Float
    var weightDecay: Float
    var batchSize: Int
    var epochs: Int
    var seed: UInt64
    var shuffle: Bool
    var threads: Int?
    var trainSubset: Int?

    enum CodingKeys: String, CodingKey {
        case version, dataset, architecture, initialization, optimizer, momentum, epochs, seed, shuffle, threads
        case dataDirectory = "data_dir", initFrom = "init_from", learningRate = "lr"
        case weightDecay = "weight_decay", batchSize = "batch_size", trainSubset = "train_subset"
    }
}

/// What `metrics.json` (and `dive train --json`) records: the final figures of a run.
struct RunMetrics: Encodable {
    var trainLoss: Double
    var trainAccuracy: Double
    var testLoss: Double?
    var testAccuracy: Double?
    var epochs: Int
    /// Mean wall-clock seconds per epoch (training plus test evaluation); per-epoch times are in `history.csv`.
    var epochSeconds: Double
    var seed: UInt64
    var model: String
    var architecture: String
    var parameters: Int
    var runDirectory: String

    enum CodingKeys: String, CodingKey {
        case epochs, seed, model, architecture, parameters
        case trainLoss = "train_loss", trainAccuracy = "train_acc", testLoss = "test_loss", testAccuracy = "test_acc"
        case epochSeconds = "epoch_seconds", runDirectory = "run_dir"
    }
}
