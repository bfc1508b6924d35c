import DiveCore
import DiveNN
import Testing
import DiveTestSupport

/// Every layer, so that the gradient check below leaves none out.
enum LayerCase: String, CaseIterable, CustomTestStringConvertible {
    case linear, linearWithoutBias, linearOnBatchedInput, flatten, relu, prelu, sigmoid, tanh, softmax,
         dropout, sequential

    var testDescription: String { rawValue }

    /// A fresh layer and an input for it.
    func make() -> (layer: any Layer, input: Tensor) {
        let x = sample([3, 4], seed: 1, awayFrom: [0])
        switch self {
        case .linear: return (withRandomSeed(2) { Linear(inputSize: 4, outputSize: 2) }, x)
        case .linearWithoutBias: return (withRandomSeed(2) { Linear(inputSize: 4, outputSize: 2, bias: false) }, x)
        case .linearOnBatchedInput: return (withRandomSeed(2) { Linear(inputSize: 4, outputSize: 2) }, sample([2, 3, 4], seed: 3, awayFrom: [0]))
        case .flatten: return (Flatten(), sample([2, 2, 3], seed: 4, awayFrom: [0]))
        case .relu: return (ReLU(), x)
        case .prelu: return (PReLU(initialSlope: 0.3), x)
        case .sigmoid: return (Sigmoid(), x)
        case .tanh: return (Tanh(), x)
        case .softmax: return (Softmax(axis: 1), x)
        case .dropout: return (Dropout(probability: 0.4, generator: RandomGenerator(seed: 5)), x)
        case .sequential:
            return (Sequential(withRandomSeed(6) { Linear(inputSize: 4, outputSize: 5) }, Tanh(),
                               withRandomSeed(7) { Linear(inputSize: 5, outputSize: 3) }, Softmax()), x)
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
