// The CPU backend's loops: one pass over contiguous memory when it can, an odometer over the
// outer dimensions with a tight inner loop when operands are strided or broadcast. Closures are
// inlined at each call site in `CPUBackend`, so each primitive gets its own vectorised loop.

/// Calls `body` with a pointer to `x`'s elements in row-major order, copying only when `x` is
/// not contiguous.
@inline(__always)
func withContiguousElements<R>(of x: Operand, _ body: (UnsafePointer<Float>) throws -> R) rethrows -> R {
    if x.isContiguous { return try x.storage.withHostPointer { try body($0 + x.offset) } }
    let buffer = Storage(uninitializedCount: x.count)
    copyStrided(x, into: Operand(contiguous: buffer, shape: x.shape))
    return try buffer.withHostPointer { try body($0) }
}

/// `output[i] = transform(x[i])` in row-major order.
@inline(__always)
func mapElements(_ x: Operand, into output: Storage, _ transform: (Float) -> Float) {
    let n = x.count
    output.withHostPointer { out in
        withContiguousElements(of: x) { x in
            for i in 0..<n { out[i] = transform(x[i]) }
        }
    }
}

/// `output[i] = combine(a[i], b[i])` for operands of one shape, in row-major order. `output` may
/// be `a`'s storage when `a` is contiguous from offset 0 (each element is read before written).
@inline(__always)
func zipElements(_ a: Operand, _ b: Operand, into output: Storage, _ combine: (Float, Float) -> Float) {
    if a.isContiguous && b.isContiguous {
        let n = a.count
        output.withHostPointer { out in
            a.storage.withHostPointer { pa in
                b.storage.withHostPointer { pb in
                    combineRows(out, pa + a.offset, pb + b.offset, n, combine)
                }
            }
        }
        return
    }
    if b.isBroadcastScalar && b.count > 0 {
        let y = b.storage.withHostPointer { $0[b.offset] }
        return mapElements(a, into: output) { combine($0, y) }
    }
    if a.isBroadcastScalar && a.count > 0 {
        let x = a.storage.withHostPointer { $0[a.offset] }
        return mapElements(b, into: output) { combine(x, $0) }
    }
    let shape = a.shape
    let inner = shape.last ?? 1, sa = a.strides.last ?? 0, sb = b.strides.last ?? 0
    output.withHostPointer { out in
        a.storage.withHostPointer { pa in
            b.storage.withHostPointer { pb in
                forEachRow(of: shape, strides: a.strides, b.strides, offsets: a.offset, b.offset) { row, ia, ib in
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
            }
        }
    }
}

/// `out[j] = combine(a[j], b[j])` for `j < count`, in a loop the compiler vectorises.
@inline(__always)
func combineRows(_ out: UnsafeMutablePointer<Float>, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
                 _ count: Int, _ combine: (Float, Float) -> Float) {
    for j in 0..<count { out[j] = combine(a[j], b[j]) }
}

/// Writes the elements of `source` into `destination` (same shape), following both layouts.
func copyStrided(_ source: Operand, into destination: Operand) {
    let shape = source.shape, n = source.count
    guard n > 0 else { return }
    source.storage.withHostPointer { from in
        destination.storage.withHostPointer { to in
            if source.isContiguous && destination.isContiguous {
                (to + destination.offset).update(from: from + source.offset, count: n)
                return
            }
            let inner = shape.last ?? 1, ss = source.strides.last ?? 0, sd = destination.strides.last ?? 0
            forEachRow(of: shape, strides: source.strides, destination.strides,
                       offsets: source.offset, destination.offset) { _, i, o in
                if ss == 1 && sd == 1 {
                    (to + o).update(from: from + i, count: inner)
                } else {
                    for j in 0..<inner { to[o + j * sd] = from[i + j * ss] }
                }
            }
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

/// The sum of `count` contiguous floats, accumulated in 16 lanes: a float sum is a dependency
/// chain the compiler cannot vectorise on its own unless it is split over several accumulators.
@inline(__always)
func sumContiguous(_ x: UnsafePointer<Float>, count: Int) -> Float {
    var lanes = SIMD16<Float>()
    let raw = UnsafeRawPointer(x)
    var i = 0
    while i + 16 <= count {
        lanes += raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self)
        i += 16
    }
    var total = lanes.sum()
    while i < count { total += x[i]; i += 1 }
    return total
}

/// The sizes of the blocks before, along and after `axis` of `shape`: a reduction or gather
/// reads a contiguous tensor as `[outer, length, inner]`.
func blocks(of shape: [Int], axis: Int) -> (outer: Int, length: Int, inner: Int) {
    (shape[..<axis].reduce(1, *), shape[axis], shape[(axis + 1)...].reduce(1, *))
}
