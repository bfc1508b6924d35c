import DiveCore

/// Examples held in memory as two tensors whose first dimension indexes the example, the book's
/// `TensorDataset(features, labels)`.
public struct TensorDataset: Dataset {
    /// All inputs, shape `[count, …]`.
    public let inputs: Tensor
    /// All targets, shape `[count, …]`.
    public let targets: Tensor
    // Row-major copies, read by `batch(at:)` without going through tensor indexing.
    private let inputScalars: [Float]
    private let targetScalars: [Float]

    /// A dataset over the rows of `inputs` and `targets`. Traps when they are scalars or their
    /// first dimensions differ.
    public init(inputs: Tensor, targets: Tensor) {
        precondition(inputs.rank > 0 && targets.rank > 0,
                     "TensorDataset: inputs \(inputs.shape) and targets \(targets.shape) need a first dimension")
        precondition(inputs.shape[0] == targets.shape[0],
                     "TensorDataset: inputs \(inputs.shape) and targets \(targets.shape) differ in their first dimension")
        self.inputs = inputs.detached()
        self.targets = targets.detached()
        inputScalars = inputs.scalars
        targetScalars = targets.scalars
    }

    /// The number of examples (rows).
    public var count: Int { inputs.shape[0] }

    /// The rows at `indices`, in that order: inputs `[indices.count, …]` and targets likewise.
    /// No autograd link. Traps on an index outside `0..<count`.
    public func batch(at indices: [Int]) -> (inputs: Tensor, targets: Tensor) {
        for index in indices where !(0..<count).contains(index) {
            preconditionFailure("TensorDataset.batch: index \(index) outside 0..<\(count)")
        }
        return (Self.rows(indices, of: inputScalars, shape: inputs.shape),
                Self.rows(indices, of: targetScalars, shape: targets.shape))
    }

    private static func rows(_ indices: [Int], of scalars: [Float], shape: [Int]) -> Tensor {
        let rowSize = shape.dropFirst().reduce(1, *)
        return scalars.withUnsafeBufferPointer { source in
            Tensor(shape: [indices.count] + shape.dropFirst()) { output in
                for (row, index) in indices.enumerated() {
                    (output.baseAddress! + row * rowSize)
                        .update(from: source.baseAddress! + index * rowSize, count: rowSize)
                }
            }
        }
    }
}

/// Synthetic data for linear regression, the book's `synthetic_data(w, b, num_examples)`:
/// inputs `X` with standard normal entries and targets `y = X w + b + ε`, `ε ~ N(0, noise²)`.
///
/// - Parameters:
///   - weights: The true weights `w`, shape `[features]`.
///   - bias: The true bias `b`.
///   - count: The number of examples `n`.
///   - noise: The standard deviation of `ε`; 0.01 by default, as in the book.
///   - generator: The source of randomness, for reproducible data.
/// - Returns: A dataset with inputs `[count, features]` and targets `[count, 1]`.
public func syntheticLinearData(weights: Tensor, bias: Float, count: Int, noise: Float = 0.01,
                                using generator: inout RandomGenerator) -> TensorDataset {
    precondition(weights.rank == 1, "syntheticLinearData: weights must be a vector, got shape \(weights.shape)")
    let inputs = Tensor.randn([count, weights.count], using: &generator)
    let clean = inputs.matmul(weights.reshaped([weights.count, 1])) + bias
    let targets = clean + Tensor.randn([count, 1], std: noise, using: &generator)
    return TensorDataset(inputs: inputs, targets: targets)
}
