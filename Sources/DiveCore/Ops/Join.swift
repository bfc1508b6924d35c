// Joining tensors along an axis: concatenation along an existing axis, stacking along a new one.

extension Tensor {
    /// The tensors joined along `axis`; all other sizes must agree. The gradient is split back.
    public static func concatenated(_ tensors: [Tensor], alongAxis axis: Int = 0) -> Tensor {
        guard let first = tensors.first else { trap(.invalid(op: "concatenated", message: "needs at least one tensor")) }
        let a = orTrap { () throws(ShapeError) in try Shape.normalize(axis: axis, rank: first.rank, op: "concatenated") }
        for t in tensors where t.rank != first.rank || t.shape.enumerated().contains(where: { $0 != a && $1 != first.shape[$0] }) {
            trap(.mismatch(op: "concatenated", lhs: first.shape, rhs: t.shape, expected: "equal sizes except along axis \(a)"))
        }
        let lengths = tensors.map { $0.shape[a] }
        var outShape = first.shape
        outShape[a] = lengths.reduce(0, +)
        let result = Storage(uninitializedCount: Shape.count(outShape))
        let outStrides = Shape.contiguousStrides(outShape)
        var start = 0
        for (t, length) in zip(tensors, lengths) {
            // Each input fills its band of the result: the result's strides, shifted along `a`.
            let band = Operand(storage: result, shape: t.shape, strides: outStrides, offset: start * outStrides[a])
            Backends.current.copy(t.operand, into: band)
            start += length
        }
        return record(Tensor(shape: outShape, storage: result), inputs: tensors) { grad, needed in
            var offset = 0
            return zip(lengths, needed).map { length, need in
                defer { offset += length }
                return need ? grad.slice(alongAxis: a, offset..<(offset + length)) : nil
            }
        }
    }

    /// The tensors, all of one shape, stacked along a new axis `axis`.
    public static func stacked(_ tensors: [Tensor], alongAxis axis: Int = 0) -> Tensor {
        guard let first = tensors.first else { trap(.invalid(op: "stacked", message: "needs at least one tensor")) }
        for t in tensors where t.shape != first.shape {
            trap(.mismatch(op: "stacked", lhs: first.shape, rhs: t.shape, expected: "equal shapes"))
        }
        return concatenated(tensors.map { $0.unsqueezed(at: axis) }, alongAxis: axis)
    }

    /// The entries `range` along `axis`, copied (without autograd; used by backward passes).
    func slice(alongAxis a: Int, _ range: Range<Int>) -> Tensor {
        var outShape = shape
        outShape[a] = range.count
        let band = Operand(storage: storage, shape: outShape, strides: strides,
                           offset: offset + range.lowerBound * strides[a])
        let result = Storage(uninitializedCount: Shape.count(outShape))
        Backends.current.copy(band, into: Operand(contiguous: result, shape: outShape))
        return Tensor(shape: outShape, storage: result)
    }
}
