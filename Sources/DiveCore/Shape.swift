enum Shape {
    /// The number of elements of a tensor of this shape (1 for a scalar).
    static func count(_ shape: [Int]) -> Int { shape.reduce(1, *) }

    /// Row-major strides of a contiguous tensor of this shape.
    static func contiguousStrides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var step = 1
        for axis in shape.indices.reversed() {
            strides[axis] = step
            step *= shape[axis]
        }
        return strides
    }

    /// The NumPy broadcast of two shapes: aligned at the right, each pair of sizes equal or one of them 1.
    static func broadcast(_ lhs: [Int], _ rhs: [Int], op: String) throws(ShapeError) -> [Int] {
        let rank = max(lhs.count, rhs.count)
        var result = [Int](repeating: 1, count: rank)
        for i in 0..<rank {
            let l = i < rank - lhs.count ? 1 : lhs[i - (rank - lhs.count)]
            let r = i < rank - rhs.count ? 1 : rhs[i - (rank - rhs.count)]
            if l == r || r == 1 { result[i] = l }
            else if l == 1 { result[i] = r }
            else { throw .notBroadcastable(op: op, lhs: lhs, rhs: rhs) }
        }
        return result
    }

    /// `axis` made non-negative, checked against `rank`.
    static func normalize(axis: Int, rank: Int, op: String) throws(ShapeError) -> Int {
        let a = axis < 0 ? axis + rank : axis
        guard a >= 0, a < rank else { throw .invalidAxis(op: op, axis: axis, rank: rank) }
        return a
    }
}
