import DiveCore
import DiveNN
import Testing

/// A layer written by hand, as a user would: properties of every kind that reflection reads.
private final class TwoBranch: Layer {
    let hidden = Linear(inputSize: 3, outputSize: 4)
    let blocks: [any Layer] = [ReLU(), Linear(inputSize: 4, outputSize: 2)]
    let scale = Parameter(Tensor([2]))
    let offsets = [Parameter(Tensor([0])), Parameter(Tensor([1, 1]))]
    let missing: Linear? = nil
    let size = 3
    func callAsFunction(_ input: Tensor) -> Tensor { blocks.reduce(hidden(input)) { $1($0) } * scale.value }
}

@Suite struct ParameterDiscoveryTests {
    @Test func theBookMLPHasPyTorchNamesAndShapes() {
        let model = Sequential(Flatten(), Linear(inputSize: 784, outputSize: 256), ReLU(),
                               Linear(inputSize: 256, outputSize: 10))
        #expect(model.namedParameters.map(\.name) == ["1.weight", "1.bias", "3.weight", "3.bias"])
        #expect(model.parameters.map(\.shape) == [[256, 784], [256], [10, 256], [10]])
        #expect(model.parameters[0] === model[1, as: Linear.self].weight)
    }

    @Test func aLinearAloneHasBareNames() {
        #expect(Linear(inputSize: 2, outputSize: 3).namedParameters.map(\.name) == ["weight", "bias"])
        #expect(Linear(inputSize: 2, outputSize: 3, bias: false).namedParameters.map(\.name) == ["weight"])
    }

    @Test func nestedSequentialsJoinIndicesWithDots() {
        let model = Sequential(Sequential(Flatten(), Linear(inputSize: 4, outputSize: 2)), ReLU(),
                               Sequential(Sequential(PReLU())))
        #expect(model.namedParameters.map(\.name) == ["0.1.weight", "0.1.bias", "2.0.0.weight"])
        #expect(model.namedLayers.map(\.name) == ["", "0", "0.0", "0.1", "1", "2", "2.0", "2.0.0"])
    }

    @Test func customLayersAreNamedByTheirPropertiesInDeclarationOrder() {
        let layer = TwoBranch()
        #expect(layer.namedParameters.map(\.name) == [
            "scale", "offsets.0", "offsets.1", "hidden.weight", "hidden.bias", "blocks.1.weight", "blocks.1.bias",
        ])
        #expect(layer.parameters.count == 7)
    }

    @Test func aSharedParameterIsListedOnce() {
        let shared = Linear(inputSize: 2, outputSize: 2)
        let model = Sequential(shared, ReLU(), shared)
        #expect(model.namedParameters.map(\.name) == ["0.weight", "0.bias"])
    }
}
