import Testing
import DiveCore

// Helpers of the DiveCore tests alone: inputs for max, a probe that weights every element, and a
// naive matrix product to compare BLAS against. Those every test target uses are in DiveTestSupport.

/// Distinct values at least `spacing` apart, in a seeded random order: inputs for max, where
/// finite differences must not change which element is largest.
func distinctValues(_ shape: [Int], spacing: Float = 0.25, seed: UInt64) -> Tensor {
    let count = shape.reduce(1, *)
    var generator = RandomGenerator(seed: seed)
    let values = (0..<count).map { Float($0) * spacing - Float(count) * spacing / 2 }.shuffled(using: &generator)
    return Tensor(values, shape: shape)
}

/// A scalar that depends on every element of `y` with a different seeded weight, so that a
/// gradient sent to the wrong element (a transposition, a misplaced broadcast) changes it.
func weightedSum(_ y: Tensor, seed: UInt64 = 99) -> Tensor {
    (y * Tensor.uniform(y.shape, in: 0.5...1.5, seed: seed)).sum()
}

/// The matrix product `[n, k] · [k, m]` by the textbook triple loop, in double precision.
func naiveMatmul(_ a: Tensor, _ b: Tensor) -> [Float] {
    let (n, k, m) = (a.shape[0], a.shape[1], b.shape[1])
    var result = [Float](repeating: 0, count: n * m)
    for i in 0..<n {
        for j in 0..<m {
            var total: Double = 0
            for p in 0..<k { total += Double(a[i, p]) * Double(b[p, j]) }
            result[i * m + j] = Float(total)
        }
    }
    return result
}
