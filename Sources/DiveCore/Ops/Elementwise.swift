// The two doors from elementwise ops to the backend: one operand, or two after NumPy
// broadcasting. Neither records autograd; the ops that call them do.

extension Tensor {
    /// `op` of each element, computed by the current backend, as a new contiguous tensor.
    func unary(_ op: UnaryOp) -> Tensor {
        let result = Storage(uninitializedCount: count)
        Backends.current.unary(op, operand, into: result)
        return Tensor(shape: shape, storage: result)
    }

    /// `op` of the elements of `self` and `other` after NumPy broadcasting, computed by the
    /// current backend, as a new contiguous tensor. Traps with `name` and both shapes when they
    /// cannot be broadcast.
    func binary(_ op: BinaryOp, _ other: Tensor, name: String) -> Tensor {
        let outShape = orTrap { () throws(ShapeError) in try Shape.broadcast(shape, other.shape, op: name) }
        let result = Storage(uninitializedCount: Shape.count(outShape))
        Backends.current.binary(op, broadcastOperand(to: outShape), other.broadcastOperand(to: outShape), into: result)
        return Tensor(shape: outShape, storage: result)
    }

    /// This tensor read as if it had `target`'s shape (stride 0 along stretched axes). The caller
    /// has checked that the shapes broadcast.
    func broadcastOperand(to target: [Int]) -> Operand {
        Operand(storage: storage, shape: target, strides: broadcastStrides(to: target), offset: offset)
    }

    /// Strides that read this tensor as if it had `target`'s shape: 0 along stretched axes.
    /// The caller has checked that the shapes broadcast.
    func broadcastStrides(to target: [Int]) -> [Int] {
        let lead = target.count - rank
        return target.indices.map { axis in
            axis < lead || shape[axis - lead] == 1 ? 0 : strides[axis - lead]
        }
    }
}
