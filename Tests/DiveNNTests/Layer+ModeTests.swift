import DiveCore
import DiveNN
import Testing

/// A custom layer that stores no mode of its own but holds a Dropout.
private final class Wrapper: Layer {
    let inner = Sequential(Linear(inputSize: 2, outputSize: 2, seed: 0), Dropout(probability: 0.5))
    func callAsFunction(_ input: Tensor) -> Tensor { inner(input) }
}

/// A custom layer with no sublayers and no mode.
private final class Doubler: Layer {
    func callAsFunction(_ input: Tensor) -> Tensor { input * 2 }
}

@Suite struct TrainingModeTests {
    @Test func newLayersStartInTrainingMode() {
        #expect(Dropout(probability: 0.5).isTraining)
        #expect(Sequential(ReLU()).isTraining)
        #expect(Doubler().isTraining)
    }

    @Test func evalAndTrainReachNestedLayers() {
        let deep = Dropout(probability: 0.5)
        let model = Sequential(Sequential(Linear(inputSize: 2, outputSize: 2, seed: 0), Sequential(deep)), Wrapper())
        model.eval()
        #expect(!model.isTraining && !deep.isTraining)
        #expect(model.namedLayers.allSatisfy { !$0.layer.isTraining })
        let x = Tensor.ones([3, 2])
        #expect(model(x).scalars == model(x).scalars, "no dropout in evaluation mode")
        model.train()
        #expect(model.namedLayers.allSatisfy { $0.layer.isTraining })
        model.setTraining(false)
        #expect(!deep.isTraining)
    }

    @Test func aLayerWithoutItsOwnModeReportsItsSublayers() {
        let wrapper = Wrapper()
        wrapper.eval()
        #expect(!wrapper.isTraining)
        wrapper.train()
        #expect(wrapper.isTraining)
    }
}
