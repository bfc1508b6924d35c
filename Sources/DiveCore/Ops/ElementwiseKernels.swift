// The loops behind every elementwise operation: one pass over contiguous memory when it can,
// an odometer over the outer dimensions with a tight inner loop when operands are strided or
// broadcast. The closures are inlined at each call site, so each operation gets its own loop.

extension Tensor {
    /// A new contiguous tensor holding `transform` of each element.
    @inline(__always)
    func mapScalars(_ transform: (Float) -> Float) -> Tensor {
        let n = count
        let result = Storage(uninitializedCount: n)
        let out = result.pointer
        withContiguousPointer { x in
            for i in 0..<n { out[i] = transform(x[i]) }
        }
        return Tensor(shape: shape, storage: result)
    }

    /// A new contiguous tensor holding `combine` of the elements of `self` and `other` after
    /// NumPy broadcasting. Traps with `op` and both shapes when they cannot be broadcast.
    @inline(__always)
    func zipScalars(_ other: Tensor, op: String, _ combine: (Float, Float) -> Float) -> Tensor {
        if shape == other.shape, isContiguous, other.isContiguous {
            let n = count
            let result = Storage(uninitializedCount: n)
            let out = result.pointer, a = storage.pointer + offset, b = other.storage.pointer + other.offset
            for i in 0..<n { out[i] = combine(a[i], b[i]) }
            return Tensor(shape: shape, storage: result)
        }
        let outShape = orTrap { () throws(ShapeError) in try Shape.broadcast(shape, other.shape, op: op) }
        if other.count == 1 {
            let y = other.storage.pointer[other.offset]
            return mapScalars { combine($0, y) }.reshapedView(outShape)
        }
        if count == 1 {
            let x = storage.pointer[offset]
            return other.mapScalars { combine(x, $0) }.reshapedView(outShape)
        }
        let a = broadcastStrides(to: outShape), b = other.broadcastStrides(to: outShape)
        let result = Storage(uninitializedCount: Shape.count(outShape))
        let pa = storage.pointer, pb = other.storage.pointer, out = result.pointer
        forEachRow(of: outShape, strides: a, b, offsets: offset, other.offset) { row, ia, ib in
            let inner = outShape.last ?? 1
            let sa = a.last ?? 0, sb = b.last ?? 0
            let o = out + row * inner
            if sa == 1 && sb == 1 {
                combineRows(o, pa + ia, pb + ib, inner, combine)
            } else if sa == 1 && sb == 0 {
                let y = pb[ib]
                for j in 0..<inner { o[j] = combine(pa[ia + j], y) }
            } else if sa == 0 && sb == 1 {
                let x = pa[ia]
                for j in 0..<inner { o[j] = combine(x, pb[ib + j]) }
            } else {
                for j in 0..<inner { o[j] = combine(pa[ia + j * sa], pb[ib + j * sb]) }
            }
        }
        return Tensor(shape: outShape, storage: result)
    }

    /// The same contiguous elements under another shape of equal count (no autograd).
    func reshapedView(_ newShape: [Int]) -> Tensor {
        newShape == shape ? self : Tensor(shape: newShape, storage: storage)
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

/// Calls `body(row, positionA, positionB)` for each row (all but the last axis) of `shape`,
/// with the storage positions where that row starts in two strided operands.
@inline(__always)
func forEachRow(of shape: [Int], strides a: [Int], _ b: [Int], offsets startA: Int, _ startB: Int,
                _ body: (_ row: Int, _ positionA: Int, _ positionB: Int) -> Void) {
    let rank = shape.count
    let rows = rank <= 1 ? 1 : Shape.count(Array(shape.dropLast()))
    guard Shape.count(shape) > 0 else { return }
    var index = [Int](repeating: 0, count: max(rank - 1, 0))
    var pa = startA, pb = startB
    for row in 0..<rows {
        body(row, pa, pb)
        var axis = rank - 2
        while axis >= 0 {
            index[axis] += 1
            pa += a[axis]
            pb += b[axis]
            if index[axis] < shape[axis] { break }
            pa -= index[axis] * a[axis]
            pb -= index[axis] * b[axis]
            index[axis] = 0
            axis -= 1
        }
    }
}

/// `out[j] = combine(a[j], b[j])` for `j < count`, in a loop the compiler vectorises.
@inline(__always)
func combineRows(_ out: UnsafeMutablePointer<Float>, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
                 _ count: Int, _ combine: (Float, Float) -> Float) {
    for j in 0..<count { out[j] = combine(a[j], b[j]) }
}
