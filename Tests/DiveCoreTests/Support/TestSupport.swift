import Testing
import DiveCore

// Helpers shared by the DiveCore tests: approximate comparison, gradients of small functions,
// seeded inputs kept away from kinks, and a naive matrix product to compare BLAS against.

/// Expects `actual` to equal `expected` elementwise within `tolerance` (absolute, or relative
/// for large values).
func expectClose(_ actual: [Float], _ expected: [Float], tolerance: Float = 1e-5,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, "\(actual) vs \(expected)", sourceLocation: sourceLocation)
    let worst = zip(actual, expected).map { Swift.abs($0 - $1) / Swift.max(1, Swift.abs($1)) }.max() ?? 0
    #expect(worst <= tolerance, "\(actual) vs \(expected)", sourceLocation: sourceLocation)
}

/// Expects `tensor` to have `shape` and the row-major values `expected`, within `tolerance`.
func expectTensor(_ tensor: Tensor, shape: [Int], _ expected: [Float], tolerance: Float = 1e-5,
                  sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(tensor.shape == shape, sourceLocation: sourceLocation)
    expectClose(tensor.scalars, expected, tolerance: tolerance, sourceLocation: sourceLocation)
}

/// The gradient autograd computes for the scalar function `f` at `input`.
func gradient(of f: (Tensor) -> Tensor, at input: Tensor) -> [Float] {
    let x = input.detached().requiringGrad()
    f(x).backward()
    return x.grad?.scalars ?? []
}

/// The gradient of `f` at the one-dimensional tensor holding `values`.
func gradient(of f: (Tensor) -> Tensor, at values: [Float]) -> [Float] {
    gradient(of: f, at: Tensor(values))
}

/// Seeded uniform samples in `range`, each moved at least `margin` away from every point in
/// `kinks`, so that finite differences never straddle a kink.
func sample(_ shape: [Int], in range: ClosedRange<Float> = -2...2, seed: UInt64,
            awayFrom kinks: [Float] = [], by margin: Float = 0.1) -> Tensor {
    let raw = Tensor.uniform(shape, in: range, seed: seed).scalars
    let moved = raw.map { value in
        var x = value
        for kink in kinks where Swift.abs(x - kink) < margin { x = x < kink ? kink - margin : kink + margin }
        return x
    }
    return Tensor(moved, shape: shape)
}

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
