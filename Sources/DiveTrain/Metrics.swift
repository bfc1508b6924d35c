import DiveCore

/// Running sums of several quantities, like the book's `Accumulator`: for example the summed
/// loss, the number of correct predictions and the number of examples over an epoch.
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
