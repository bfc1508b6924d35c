import DiveCore

/// A collection of examples that can be gathered into batches by index.
public protocol Dataset {
    /// What a batch of examples looks like (e.g. images and labels).
    associatedtype Batch
    /// The number of examples.
    var count: Int { get }
    /// The examples at `indices`, in that order, as one batch.
    func batch(at indices: [Int]) -> Batch
}
