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

/// Expects a scalar tensor to be `expected` within `tolerance`.
func expectClose(_ actual: Tensor, _ expected: Float, tolerance: Float = 1e-5,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    expectClose(actual.scalars, [expected], tolerance: tolerance, sourceLocation: sourceLocation)
}

/// Seeded uniform values in `-2...2`, pushed at least 0.1 away from 0 (the kink of ReLU-like
/// functions), so that finite differences never straddle a kink.
func samplesAwayFromZero(_ shape: [Int], seed: UInt64) -> Tensor {
    let values = Tensor.uniform(shape, in: -2...2, seed: seed).scalars
    return Tensor(values.map { $0 >= 0 ? $0 + 0.1 : $0 - 0.1 }, shape: shape)
}

/// Compares autograd with finite differences for `layer`, with respect to `input` and every
/// parameter of the layer. The output is weighted by a fixed random probe before summing, so
/// that no gradient cancels out (the sum of a softmax is constant). `prepare` runs before each
/// evaluation (to reset a dropout generator).
func checkLayerGradient(_ layer: any Layer, input: Tensor, prepare: () -> Void = {}) -> GradientCheck {
    let parameters = layer.parameters
    prepare()
    let outputShape = withoutGradients { layer(input).shape }
    let probe = Tensor.uniform(outputShape, in: -1...1, seed: 99)
    return checkGradient(of: { arguments in
        for (parameter, value) in zip(parameters, arguments.dropFirst()) { parameter.value = value }
        prepare()
        return (layer(arguments[0]) * probe).sum()
    }, at: [input] + parameters.map(\.value))
}
