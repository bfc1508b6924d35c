/// How far training has gone: the records of the finished epochs and, within the next epoch,
/// how many batches are done and their running sums. Saved in a checkpoint, it lets ``fit``
/// carry on exactly where an interrupted run stopped.
public struct TrainingPosition: Codable, Equatable, Sendable {
    /// The finished epochs.
    public var history: History
    /// Batches done in epoch `completedEpochs + 1` (0 at an epoch boundary).
    public var batchesDone: Int
    /// Over those batches: the summed loss (times batch size), correct predictions and examples.
    public var sums: [Double]
    /// Wall-clock seconds spent on those batches.
    public var seconds: Double

    /// A position after `history`'s epochs and `batchesDone` batches of the next; the start of
    /// training by default.
    public init(history: History = History(), batchesDone: Int = 0, sums: [Double] = [0, 0, 0], seconds: Double = 0) {
        precondition(batchesDone >= 0 && sums.count == 3,
                     "TrainingPosition: \(batchesDone) batches with \(sums.count) sums; expected ≥ 0 and 3")
        self.history = history
        self.batchesDone = batchesDone
        self.sums = sums
        self.seconds = seconds
    }

    /// The number of finished epochs.
    public var completedEpochs: Int { history.epochs.count }

    enum CodingKeys: String, CodingKey {
        case history, sums, seconds
        case batchesDone = "batches_done"
    }
}

/// Training stopped between two batches because ``fit``'s `shouldStop` asked it to; the
/// parameters, the optimizer and `position` hold everything needed to resume.
public struct TrainingInterrupted: Error, CustomStringConvertible, Sendable {
    /// Where training stopped.
    public var position: TrainingPosition

    /// A stop at `position`.
    public init(position: TrainingPosition) { self.position = position }

    /// "interrupted after epoch E" at an epoch boundary, else "interrupted during epoch E + 1
    /// (B batches done)": E finished epochs, then B batches of the next.
    public var description: String {
        guard position.batchesDone > 0 else { return "interrupted after epoch \(position.completedEpochs)" }
        return "interrupted during epoch \(position.completedEpochs + 1) (\(position.batchesDone) batches done)"
    }
}
