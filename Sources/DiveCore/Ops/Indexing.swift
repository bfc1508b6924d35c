// Picking one element per row, and one-hot encoding: the book's `y_hat[range(len(y_hat)), y]`.

extension Tensor {
    /// For a `[n, c]` tensor, the element `self[i, indices[i]]` of each row, as shape `[n]`.
    /// The gradient goes back to the picked elements only.
    public func gathering(_ indices: [Int]) -> Tensor {
        guard rank == 2, indices.count == shape[0] else {
            trap(.invalid(op: "gathering", message: "needs a [n, c] tensor and n indices, got shape \(shape) and \(indices.count) indices"))
        }
        let columns = shape[1]
        if let bad = indices.first(where: { $0 < 0 || $0 >= columns }) {
            trap(.invalid(op: "gathering", message: "index \(bad) is outside 0..<\(columns)"))
        }
        let picked = withContiguousPointer { x in indices.enumerated().map { x[$0 * columns + $1] } }
        let original = shape
        return Tensor.record(Tensor(picked, shape: [indices.count]), inputs: [self]) { grad in
            [Tensor.scatter(grad, at: indices, alongAxis: 1, into: original)]
        }
    }

    /// Rows of a `[labels.count, classes]` matrix with 1 in column `labels[i]` and 0 elsewhere.
    public static func oneHot(_ labels: [Int], classes: Int) -> Tensor {
        let result = Storage(repeating: 0, count: labels.count * classes)
        for (row, label) in labels.enumerated() {
            guard label >= 0, label < classes else {
                trap(.invalid(op: "oneHot", message: "label \(label) is outside 0..<\(classes)"))
            }
            result.pointer[row * classes + label] = 1
        }
        return Tensor(shape: [labels.count, classes], storage: result)
    }
}
