import DiveCore
import DiveNN
import Testing

/// Expects two lists of numbers to agree element by element within `tolerance`.
func expectClose(_ actual: [Float], _ expected: [Float], tolerance: Float = 1e-5,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, "\(actual) vs \(expected)", sourceLocation: sourceLocation)
    for (a, e) in zip(actual, expected) {
        #expect(abs(a - e) <= tolerance, "\(actual) vs \(expected)", sourceLocation: sourceLocation)
    }
}

/// Sets the gradient of `parameter` to `values`, as a backward pass would.
func setGradient(_ parameter: Parameter, _ values: [Float]) {
    parameter.grad = Tensor(values, shape: parameter.shape)
}
