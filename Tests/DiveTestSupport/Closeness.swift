import DiveCore
import Testing

// The one tolerance rule of Dive's tests. Two numbers `a` (actual) and `e` (expected) are close
// when |a - e| ≤ tolerance · max(1, |e|): an absolute difference for expected values up to 1 in
// size, a relative one above (float32 keeps about 7 significant digits, whatever the magnitude).
// The default tolerance, 1e-5, is about a hundred float32 roundings of a value near 1.

/// Whether `actual` is within `tolerance` of `expected` by the rule above.
public func isClose(_ actual: Float, _ expected: Float, tolerance: Float = 1e-5) -> Bool {
    abs(actual - expected) <= tolerance * max(1, abs(expected))
}

/// Expects `actual` to have as many elements as `expected`, each close to its counterpart by the
/// rule above; the failure shows both lists.
public func expectClose(_ actual: [Float], _ expected: [Float], tolerance: Float = 1e-5,
                        sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, "\(actual) vs \(expected)", sourceLocation: sourceLocation)
    let allClose = zip(actual, expected).allSatisfy { isClose($0, $1, tolerance: tolerance) }
    #expect(allClose, "\(actual) vs \(expected) (tolerance \(tolerance))", sourceLocation: sourceLocation)
}

/// Expects a one-element tensor to be close to `expected`.
public func expectClose(_ actual: Tensor, _ expected: Float, tolerance: Float = 1e-5,
                        sourceLocation: SourceLocation = #_sourceLocation) {
    expectClose(actual.scalars, [expected], tolerance: tolerance, sourceLocation: sourceLocation)
}

/// Expects `tensor` to have `shape` and row-major values close to `expected`.
public func expectTensor(_ tensor: Tensor, shape: [Int], _ expected: [Float], tolerance: Float = 1e-5,
                         sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(tensor.shape == shape, sourceLocation: sourceLocation)
    expectClose(tensor.scalars, expected, tolerance: tolerance, sourceLocation: sourceLocation)
}

/// Whether `actual` is within `tolerance` of `expected` by the same rule, in double precision
/// (for figures such as losses and accuracies).
public func isClose(_ actual: Double, _ expected: Double, tolerance: Double) -> Bool {
    abs(actual - expected) <= tolerance * max(1, abs(expected))
}

/// Expects a double to be close to `expected` by the same rule.
public func expectClose(_ actual: Double, _ expected: Double, tolerance: Double,
                        sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(isClose(actual, expected, tolerance: tolerance), "\(actual) vs \(expected) (tolerance \(tolerance))",
            sourceLocation: sourceLocation)
}
