/// How far training has gone: the records of the finished epochs and, within the next epoch,
/// how many batches are done and their running totals. Saved in a checkpoint, it lets `fit`
/// carry on exactly where an interrupted run stopped.
public struct TrainingPosition: Codable, Equatable, Sendable {
    /// The finished epochs.
    public var history: History
    /// Batches done in epoch `completedEpochs + 1` (0 at an epoch boundary).
    public var batchesDone: Int
    /// Over those batches: the summed loss, the correct predictions and the examples.
    public var totals: MetricTotals
    /// Wall-clock seconds spent on those batches.
    public var seconds: Double

    /// A position after `history`'s epochs and `batchesDone` batches of the next; the start of
    /// training by default.
    public init(history: History = History(), batchesDone: Int = 0, totals: MetricTotals = MetricTotals(),
                seconds: Double = 0) {
        precondition(batchesDone >= 0, "TrainingPosition: \(batchesDone) batches done; expected ≥ 0")
        self.history = history
        self.batchesDone = batchesDone
        self.totals = totals
        self.seconds = seconds
    }

    /// The number of finished epochs.
    public var completedEpochs: Int { history.epochs.count }

    enum CodingKeys: String, CodingKey {
        case history, totals, sums, seconds
        case batchesDone = "batches_done"
    }

    /// Reads a position; one saved before the totals had names holds them as
    /// `"sums": [loss sum, correct, examples]`, which is read too.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        history = try container.decode(History.self, forKey: .history)
        batchesDone = try container.decode(Int.self, forKey: .batchesDone)
        seconds = try container.decode(Double.self, forKey: .seconds)
        if let totals = try container.decodeIfPresent(MetricTotals.self, forKey: .totals) {
            self.totals = totals
        } else {
            let sums = try container.decode([Double].self, forKey: .sums)
            guard sums.count == 3 else {
                throw DecodingError.dataCorruptedError(forKey: .sums, in: container, debugDescription:
                    "expected 3 sums (loss sum, correct, examples), found \(sums.count)")
            }
            totals = MetricTotals(lossSum: sums[0], correct: Int(sums[1]), examples: Int(sums[2]))
        }
    }

    /// Writes the position with named totals.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(history, forKey: .history)
        try container.encode(batchesDone, forKey: .batchesDone)
        try container.encode(totals, forKey: .totals)
        try container.encode(seconds, forKey: .seconds)
    }
}

/// Training stopped between two batches because a callback of `fit` asked it to; the
/// parameters, the optimizer and `position` hold everything needed to resume.
public struct TrainingInterrupted: Error, CustomStringConvertible, Sendable {
    /// Where training stopped.
    public var position: TrainingPosition

    /// A stop at `position`.
    public init(position: TrainingPosition) { self.position = position }

    /// "interrupted after epoch E batch B": E finished epochs, then B batches of the next.
    public var description: String {
        "interrupted after epoch \(position.completedEpochs) batch \(position.batchesDone)"
    }
}
