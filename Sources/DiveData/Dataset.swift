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

/// A batch of inputs with one integer class label per example (images and their classes).
public struct LabeledBatch {
    /// The inputs, batch first: `[batch, 1, height, width]` for images, scaled to [0, 1].
    public var inputs: Tensor
    /// One class index per example.
    public var labels: [Int]

    /// A batch of `inputs` (batch first) with one label per example.
    public init(inputs: Tensor, labels: [Int]) {
        self.inputs = inputs
        self.labels = labels
    }
}
