import DiveCore
import DiveNN
import Testing

/// Every layer, so that the gradient check below leaves none out.
enum LayerCase: String, CaseIterable, CustomTestStringConvertible {
    case linear, linearWithoutBias, linearOnBatchedInput, flatten, relu, prelu, sigmoid, tanh, softmax,
         dropout, sequential

    var testDescription: String { rawValue }

    /// A fresh layer and an input for it.
    func make() -> (layer: any Layer, input: Tensor) {
        let x = samplesAwayFromZero([3, 4], seed: 1)
        switch self {
        case .linear: return (Linear(inputSize: 4, outputSize: 2, seed: 2), x)
        case .linearWithoutBias: return (Linear(inputSize: 4, outputSize: 2, bias: false, seed: 2), x)
        case .linearOnBatchedInput: return (Linear(inputSize: 4, outputSize: 2, seed: 2), samplesAwayFromZero([2, 3, 4], seed: 3))
        case .flatten: return (Flatten(), samplesAwayFromZero([2, 2, 3], seed: 4))
        case .relu: return (ReLU(), x)
        case .prelu: return (PReLU(initialSlope: 0.3), x)
        case .sigmoid: return (Sigmoid(), x)
        case .tanh: return (Tanh(), x)
        case .softmax: return (Softmax(axis: 1), x)
        case .dropout: return (Dropout(probability: 0.4, seed: 5), x)
        case .sequential:
            return (Sequential(Linear(inputSize: 4, outputSize: 5, seed: 6), Tanh(),
                               Linear(inputSize: 5, outputSize: 3, seed: 7), Softmax()), x)
        }
    }
}

@Test(arguments: LayerCase.allCases)
func layerGradientMatchesFiniteDifferences(_ layerCase: LayerCase) {
    let (layer, input) = layerCase.make()
    let dropout = layer as? Dropout
    let check = checkLayerGradient(layer, input: input) {
        dropout?.generator = RandomGenerator(seed: 5)   // the same mask for every evaluation
    }
    #expect(check.maxError < 1e-2, "\(check)")
    #expect(check.analytic.count == 1 + layer.parameters.count)
}
