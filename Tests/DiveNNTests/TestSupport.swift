import DiveCore
import DiveNN
import Testing

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
