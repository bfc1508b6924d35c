import DiveCore

/// Running sums of several quantities kept by position, the book's `Accumulator` (its from-scratch
/// examples use it as the book does). Dive's own loop keeps named ``MetricTotals`` instead.
public struct Accumulator: Sendable {
    /// The current sums, one per quantity.
    public private(set) var sums: [Double]

    /// An accumulator of `count` sums, all zero.
    public init(count: Int) { sums = Array(repeating: 0, count: count) }

    /// Adds one value to each sum; traps when the number of values differs from `sums.count`.
    public mutating func add(_ values: Double...) {
        precondition(values.count == sums.count,
                     "Accumulator.add: \(values.count) values for \(sums.count) sums")
        for (i, value) in values.enumerated() { sums[i] += value }
    }

    /// Sets every sum back to zero.
    public mutating func reset() { sums = Array(repeating: 0, count: sums.count) }

    /// The sum at `index`.
    public subscript(index: Int) -> Double { sums[index] }
}

/// Running totals over the batches seen so far, by name (as Keras names its metrics): what an
/// epoch's mean loss and accuracy are computed from.
public struct MetricTotals: Codable, Equatable, Sendable {
    /// The loss summed over examples: each batch's mean loss times its number of examples.
    public var lossSum: Double
    /// How many examples were classified correctly (0 when there are no classes, for regression).
    public var correct: Int
    /// How many examples were seen.
    public var examples: Int

    /// Totals with the given values; zero by default.
    public init(lossSum: Double = 0, correct: Int = 0, examples: Int = 0) {
        self.lossSum = lossSum
        self.correct = correct
        self.examples = examples
    }

    /// Adds a batch of `examples` examples whose mean loss is `meanLoss`, `correct` of them
    /// classified correctly.
    public mutating func add(meanLoss: Double, correct: Int = 0, examples: Int) {
        lossSum += meanLoss * Double(examples)
        self.correct += correct
        self.examples += examples
    }

    /// The mean loss per example; 0 before any example.
    public var meanLoss: Double { examples > 0 ? lossSum / Double(examples) : 0 }

    /// The fraction classified correctly, in [0, 1]; 0 before any example.
    public var accuracy: Double { examples > 0 ? Double(correct) / Double(examples) : 0 }

    enum CodingKeys: String, CodingKey {
        case lossSum = "loss_sum", correct, examples
    }
}

/// The number of rows of `logits` whose largest score is at the true label, as the book's
/// `accuracy` (divide by the batch size for a fraction).
///
/// - Parameters:
///   - logits: Scores (or probabilities), shape `[batch, classes]`.
///   - labels: One class index per row.
/// - Returns: How many predictions are correct, in `0...batch`. Traps when the counts differ.
public func accuracy(logits: Tensor, labels: [Int]) -> Int {
    precondition(logits.rank == 2 && logits.shape[0] == labels.count,
                 "accuracy: logits of shape \(logits.shape) for \(labels.count) labels; expected [\(labels.count), classes]")
    return zip(logits.argmax(alongAxis: 1), labels).count { $0 == $1 }
}
