// Views change shape, strides and offset over the same storage; each one's backward maps the
// gradient back to the input's shape.

extension Tensor {
    /// The same elements in a new shape; one dimension may be `-1`, inferred from the others.
    ///
    /// Shares storage when the tensor is contiguous. Throws when the element counts differ or
    /// when more than one dimension is `-1`. Use `reshaped(_:)` when the shape comes from code.
    public func reshaped(validating newShape: [Int]) throws(ShapeError) -> Tensor {
        let target = try Self.resolve(newShape, count: count, from: shape)
        let source = contiguous()
        let view = Tensor(shape: target, strides: Shape.contiguousStrides(target),
                          offset: source.offset, storage: source.storage)
        let original = shape
        return Tensor.record(view, inputs: [source]) { grad in [grad.reshaped(original)] }
    }

    /// The same elements in a new shape (one dimension may be `-1`); traps on an impossible shape.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        orTrap { () throws(ShapeError) in try reshaped(validating: newShape) }
    }

    /// The same elements in a new shape (one dimension may be `-1`); traps on an impossible shape.
    public func reshaped(_ newShape: Int...) -> Tensor { reshaped(newShape) }

    private static func resolve(_ newShape: [Int], count: Int, from shape: [Int]) throws(ShapeError) -> [Int] {
        let inferred = newShape.indices.filter { newShape[$0] == -1 }
        guard inferred.count <= 1 else {
            throw .invalidReshape(from: shape, to: newShape, reason: "only one dimension can be -1")
        }
        guard newShape.allSatisfy({ $0 >= 0 || $0 == -1 }) else {
            throw .invalidReshape(from: shape, to: newShape, reason: "dimensions must be non-negative or -1")
        }
        let known = newShape.filter { $0 != -1 }.reduce(1, *)
        var target = newShape
        if let axis = inferred.first {
            guard known > 0, count % known == 0 else {
                throw .invalidReshape(from: shape, to: newShape,
                                      reason: "\(count) elements do not divide into parts of \(known)")
            }
            target[axis] = count / known
        }
        guard Shape.count(target) == count else {
            throw .invalidReshape(from: shape, to: newShape,
                                  reason: "\(count) elements cannot fill \(Shape.count(target))")
        }
        return target
    }

    /// Flattens the axes from `startAxis` to `endAxis` (inclusive) into one. The default
    /// flattens everything after the batch axis, like PyTorch's `nn.Flatten`.
    public func flattened(from startAxis: Int = 1, through endAxis: Int = -1) -> Tensor {
        if rank == 0 { return reshaped([1]) }
        let start = orTrap { () throws(ShapeError) in try Shape.normalize(axis: startAxis, rank: rank, op: "flattened") }
        let end = orTrap { () throws(ShapeError) in try Shape.normalize(axis: endAxis, rank: rank, op: "flattened") }
        guard start <= end else { return self }
        let middle = shape[start...end].reduce(1, *)
        return reshaped(Array(shape[..<start]) + [middle] + Array(shape[(end + 1)...]))
    }

    /// The axes reordered: axis `i` of the result is axis `permutation[i]` of this tensor.
    public func permuted(_ permutation: [Int]) -> Tensor {
        guard permutation.count == rank, Set(permutation) == Set(0..<rank) else {
            trap(.invalid(op: "permuted", message: "\(permutation) is not a permutation of the \(rank) axes"))
        }
        let view = Tensor(shape: permutation.map { shape[$0] }, strides: permutation.map { strides[$0] },
                          offset: offset, storage: storage)
        var inverse = [Int](repeating: 0, count: rank)
        for (i, p) in permutation.enumerated() { inverse[p] = i }
        return Tensor.record(view, inputs: [self]) { grad in [grad.permuted(inverse)] }
    }

    /// The last two axes swapped (the matrix transpose for rank 2); a view, no copy.
    public func transposed() -> Tensor {
        guard rank >= 2 else { return self }
        var permutation = Array(0..<rank)
        permutation.swapAt(rank - 1, rank - 2)
        return permuted(permutation)
    }

    /// The matrix transpose: `x.T` in the book.
    public var T: Tensor { transposed() }

    /// A view with `shape`, stretching axes of size 1 (and adding leading axes) by broadcasting,
    /// without copying. Traps when this shape does not broadcast to `shape`.
    public func expanded(to target: [Int]) -> Tensor {
        if target == shape { return self }
        let broadcast = orTrap { () throws(ShapeError) in try Shape.broadcast(shape, target, op: "expanded") }
        guard broadcast == target else { trap(.notBroadcastable(op: "expanded", lhs: shape, rhs: target)) }
        let view = Tensor(shape: target, strides: broadcastStrides(to: target), offset: offset, storage: storage)
        let original = shape
        return Tensor.record(view, inputs: [self]) { grad in [grad.unbroadcast(to: original)] }
    }

    /// Sums a gradient over the axes that broadcasting stretched, so that it has `target` again.
    /// Every binary operation's backward goes through here.
    func unbroadcast(to target: [Int]) -> Tensor {
        if shape == target { return self }
        let lead = rank - target.count
        var axes = Array(0..<lead)
        for (i, size) in target.enumerated() where size == 1 && shape[lead + i] != 1 { axes.append(lead + i) }
        var reduced = self
        for axis in axes.reversed() { reduced = reduced.sum(alongAxis: axis, keepingDimension: true) }
        return reduced.reshaped(target)
    }

    /// A new axis of size 1 at `axis` (which may be `rank`, or negative counting from the end).
    public func unsqueezed(at axis: Int) -> Tensor {
        let a = orTrap { () throws(ShapeError) in try Shape.normalize(axis: axis, rank: rank + 1, op: "unsqueezed") }
        var newShape = shape
        newShape.insert(1, at: a)
        return reshaped(newShape)
    }

    /// Removes the axis `axis`, which must have size 1; without an axis, removes every axis of size 1.
    public func squeezed(at axis: Int? = nil) -> Tensor {
        guard let axis else { return reshaped(shape.filter { $0 != 1 }) }
        let a = orTrap { () throws(ShapeError) in try Shape.normalize(axis: axis, rank: rank, op: "squeezed") }
        guard shape[a] == 1 else {
            trap(.invalid(op: "squeezed", message: "axis \(axis) has size \(shape[a]), not 1, in shape \(shape)"))
        }
        var newShape = shape
        newShape.remove(at: a)
        return reshaped(newShape)
    }

    /// The rows (entries along axis 0) in `range`; a view sharing storage.
    public subscript(rows range: Range<Int>) -> Tensor {
        guard rank >= 1, range.lowerBound >= 0, range.upperBound <= shape[0] else {
            trap(.invalid(op: "rows", message: "range \(range) is outside 0..<\(shape.first ?? 0) for shape \(shape)"))
        }
        var newShape = shape
        newShape[0] = range.count
        let view = Tensor(shape: newShape, strides: strides, offset: offset + range.lowerBound * strides[0],
                          storage: storage)
        let original = shape
        return Tensor.record(view, inputs: [self]) { grad in
            // Place the gradient in the selected rows of a zero tensor of the input's shape.
            let full = Storage(repeating: 0, count: Shape.count(original))
            let fullStrides = Shape.contiguousStrides(original)
            let selected = Operand(storage: full, shape: grad.shape, strides: fullStrides,
                                   offset: range.lowerBound * (fullStrides.first ?? 0))
            Backends.current.copy(grad.operand, into: selected)
            return [Tensor(shape: original, storage: full)]
        }
    }

    /// Row `index` (entry `index` along axis 0), with one axis fewer; a view sharing storage.
    public subscript(_ index: Int) -> Tensor {
        self[rows: index..<(index + 1)].squeezed(at: 0)
    }
}
