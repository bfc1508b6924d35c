// Joining tensors along an axis: concatenation along an existing axis, stacking along a new one.

extension Tensor {
    /// The tensors joined along `axis`; all other sizes must agree. The gradient is split back.
    public static func concatenated(_ tensors: [Tensor], alongAxis axis: Int = 0) -> Tensor {
        guard let first = tensors.first else { trap(.invalid(op: "concatenated", message: "needs at least one tensor")) }
        let a = orTrap { () throws(ShapeError) in try Shape.normalize(axis: axis, rank: first.rank, op: "concatenated") }
        for t in tensors where t.rank != first.rank || t.shape.enumerated().contains(where: { $0 != a && $1 != first.shape[$0] }) {
            trap(.mismatch(op: "concatenated", lhs: first.shape, rhs: t.shape, expected: "equal sizes except along axis \(a)"))
        }
        let outer = first.shape[..<a].reduce(1, *), inner = first.shape[(a + 1)...].reduce(1, *)
        let lengths = tensors.map { $0.shape[a] }
        let total = lengths.reduce(0, +)
        var outShape = first.shape
        outShape[a] = total
        let result = Storage(uninitializedCount: outer * total * inner)
        var start = 0
        for (t, length) in zip(tensors, lengths) {
            t.withContiguousPointer { x in
                for o in 0..<outer {
                    (result.pointer + (o * total + start) * inner).update(from: x + o * length * inner, count: length * inner)
                }
            }
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
        let outer = shape[..<a].reduce(1, *), length = shape[a], inner = shape[(a + 1)...].reduce(1, *)
        var outShape = shape
        outShape[a] = range.count
        let result = Storage(uninitializedCount: outer * range.count * inner)
        withContiguousPointer { x in
            for o in 0..<outer {
                (result.pointer + o * range.count * inner)
                    .update(from: x + (o * length + range.lowerBound) * inner, count: range.count * inner)
            }
        }
        return Tensor(shape: outShape, storage: result)
    }
}
