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
        let picked = Tensor(shape: [indices.count], storage: Backends.current.gather(operand, indices: indices, axis: 1))
        let original = shape
        return Tensor.record(picked, inputs: [self]) { grad in
            [Tensor.scatter(grad, at: indices, alongAxis: 1, into: original)]
        }
    }

    /// Rows of a `[labels.count, classes]` matrix with 1 in column `labels[i]` and 0 elsewhere.
    public static func oneHot(_ labels: [Int], classes: Int) -> Tensor {
        if let bad = labels.first(where: { $0 < 0 || $0 >= classes }) {
            trap(.invalid(op: "oneHot", message: "label \(bad) is outside 0..<\(classes)"))
        }
        return scatter(Tensor.ones([labels.count]), at: labels, alongAxis: 1, into: [labels.count, classes])
    }

    /// A zero tensor of `shape` with `values` placed at `indices` along axis `a` (one index per
    /// position of the other axes; `values` holds one element per index). No autograd.
    static func scatter(_ values: Tensor, at indices: [Int], alongAxis a: Int, into shape: [Int]) -> Tensor {
        var kept = shape
        kept[a] = 1
        let v = values.detached().contiguous()
        let placed = Operand(storage: v.storage, shape: kept, strides: Shape.contiguousStrides(kept), offset: v.offset)
        return Tensor(shape: shape, storage: Backends.current.scatter(placed, indices: indices, axis: a, into: shape))
    }
}
