// Summation loops that the compiler cannot vectorise on its own: a float sum is a dependency
// chain unless it is split over several accumulators, which SIMD lanes provide.

/// The sum of `count` contiguous floats, accumulated in 16 lanes.
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
