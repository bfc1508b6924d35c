import Foundation

/// The figures of one training epoch.
public struct EpochRecord: Codable, Equatable, Sendable {
    /// The epoch number, counting from 1.
    public var epoch: Int
    /// The mean training loss over the epoch's examples.
    public var trainLoss: Double
    /// The fraction of training examples classified correctly during the epoch.
    public var trainAccuracy: Double
    /// The loss on the test or validation set after the epoch; nil when there is none.
    public var testLoss: Double?
    /// The accuracy on the test or validation set after the epoch; nil when there is none.
    public var testAccuracy: Double?
    /// Wall-clock seconds the epoch took (training and evaluation).
    public var seconds: Double

    /// A record of epoch `epoch`; the test figures are nil when there is no test set.
    public init(epoch: Int, trainLoss: Double, trainAccuracy: Double, testLoss: Double? = nil,
                testAccuracy: Double? = nil, seconds: Double) {
        self.epoch = epoch
        self.trainLoss = trainLoss
        self.trainAccuracy = trainAccuracy
        self.testLoss = testLoss
        self.testAccuracy = testAccuracy
        self.seconds = seconds
    }

    enum CodingKeys: String, CodingKey {
        case epoch
        case trainLoss = "train_loss", trainAccuracy = "train_acc"
        case testLoss = "test_loss", testAccuracy = "test_acc"
        case seconds = "epoch_seconds"
    }
}

/// The per-epoch figures of a training run, as `fit` returns them: the one owner of `history.csv`.
///
/// Writes and reads CSV (`history.csv`, header `epoch,train_loss,train_acc,test_loss,test_acc,epoch_seconds`,
/// empty fields for missing test figures; `init(contentsOf:)` reads it back) and writes JSON (an
/// array of records with the same keys). Charts take its columns as plain series of numbers.
public struct History: Codable, Equatable, Sendable {
    /// One record per finished epoch, in order.
    public var epochs: [EpochRecord]

    /// A history holding `epochs` (empty by default).
    public init(epochs: [EpochRecord] = []) { self.epochs = epochs }

    /// The last epoch's record, or nil before the first epoch.
    public var last: EpochRecord? { epochs.last }

    /// The CSV header line, without a newline.
    public static let csvHeader = "epoch,train_loss,train_acc,test_loss,test_acc,epoch_seconds"

    /// The history as CSV: the header, then one line per epoch; every line ends with a newline.
    public func csv() -> String {
        func field(_ value: Double?, digits: Int = 6) -> String {
            value.map { String(format: "%.\(digits)f", $0) } ?? ""
        }
        let lines = epochs.map { record in
            ["\(record.epoch)", field(record.trainLoss), field(record.trainAccuracy), field(record.testLoss),
             field(record.testAccuracy), field(record.seconds, digits: 3)].joined(separator: ",")
        }
        return ([Self.csvHeader] + lines).map { $0 + "\n" }.joined()
    }

    /// The history as pretty-printed JSON: `{"epochs": [{"epoch": 1, "train_loss": …}, …]}`.
    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        // Integers, finite or non-finite doubles and optionals cannot fail to encode with this strategy.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf",
                                                                      negativeInfinity: "-inf", nan: "nan")
        return try! encoder.encode(self)
    }
}
