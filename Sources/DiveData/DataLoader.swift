import DiveCore

/// Mini-batches of a dataset, shuffled with a seed: the book's `DataLoader`.
///
/// The order of epoch `e` depends only on `seed` and `e`, so a run is reproducible and can resume
/// at any epoch with `batches(forEpoch:)`. Iterating the loader itself (`for batch in loader`)
/// runs the next epoch each time, starting at epoch 0.
public final class DataLoader<D: Dataset>: Sequence {
    /// The dataset batches are gathered from.
    public let dataset: D
    /// Examples per batch; the last batch may be smaller unless `dropLast`.
    public let batchSize: Int
    /// Whether each epoch visits the examples in a new random order (otherwise 0, 1, 2, …).
    public let shuffle: Bool
    /// The seed that, with the epoch, determines the order.
    public let seed: UInt64
    /// Whether a last batch smaller than `batchSize` is left out.
    public let dropLast: Bool
    /// The epoch the next `for batch in loader` runs.
    public private(set) var nextEpoch = 0

    /// A loader over `dataset` in batches of `batchSize` (positive; traps otherwise).
    ///
    /// - Parameters:
    ///   - dataset: The examples to batch.
    ///   - batchSize: Examples per batch (the last batch may have fewer).
    ///   - shuffle: A new seeded order each epoch (default) or the dataset's order.
    ///   - seed: Determines the shuffled orders; 0 by default.
    ///   - dropLast: Leave out a last, incomplete batch; false by default.
    public init(_ dataset: D, batchSize: Int, shuffle: Bool = true, seed: UInt64 = 0, dropLast: Bool = false) {
        precondition(batchSize > 0, "DataLoader: batch size must be positive, got \(batchSize)")
        self.dataset = dataset
        self.batchSize = batchSize
        self.shuffle = shuffle
        self.seed = seed
        self.dropLast = dropLast
    }

    /// The number of batches per epoch.
    public var batchCount: Int {
        dropLast ? dataset.count / batchSize : (dataset.count + batchSize - 1) / batchSize
    }

    /// The order in which epoch `epoch` visits the examples: a permutation of `0..<dataset.count`.
    public func order(forEpoch epoch: Int) -> [Int] {
        var order = Array(0..<dataset.count)
        guard shuffle else { return order }
        // Each epoch gets its own generator, so epochs can be replayed in any order.
        var generator = RandomGenerator(seed: seed ^ (UInt64(truncatingIfNeeded: epoch) &* 0x9E37_79B9_7F4A_7C15))
        // Fisher–Yates with our own bounded draw, so the order never changes with the standard library.
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            let j = Int(generator.next().multipliedFullWidth(by: UInt64(i + 1)).high)
            order.swapAt(i, j)
        }
        return order
    }

    /// The batches of epoch `epoch`, gathered lazily as they are iterated.
    public func batches(forEpoch epoch: Int) -> some Sequence<D.Batch> {
        let order = order(forEpoch: epoch)
        let (dataset, batchSize) = (dataset, batchSize)
        return (0..<batchCount).lazy.map { b in
            dataset.batch(at: Array(order[b * batchSize ..< Swift.min((b + 1) * batchSize, order.count)]))
        }
    }

    /// The batches of the next epoch; each call moves on by one epoch.
    public func makeIterator() -> some IteratorProtocol<D.Batch> {
        defer { nextEpoch += 1 }
        return batches(forEpoch: nextEpoch).makeIterator()
    }
}
