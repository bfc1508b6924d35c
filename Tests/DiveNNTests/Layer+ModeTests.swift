import DiveCore
import DiveNN
import Testing

/// A custom layer that stores no mode of its own but holds a Dropout.
private final class Wrapper: Layer {
    let inner = Sequential(Linear(inputSize: 2, outputSize: 2), Dropout(probability: 0.5))
    func callAsFunction(_ input: Tensor) -> Tensor { inner(input) }
}

@Suite struct TrainingModeTests {
    @Test func onlyModeDependentLayersStoreAMode() {
        let model = Sequential(Flatten(), Linear(inputSize: 4, outputSize: 2), ReLU(), Dropout(probability: 0.5))
        #expect(model.namedLayers.map { $0.layer is any ModeDependentLayer } == [false, false, false, false, true])
        #expect(Dropout(probability: 0.5).isTraining, "new layers start in training mode")
    }

    @Test func evalAndTrainReachNestedLayersInsideCustomLayers() {
        let deep = Dropout(probability: 0.5)
        let wrapper = Wrapper()
        let model = Sequential(Sequential(Linear(inputSize: 2, outputSize: 2), Sequential(deep)), wrapper)
        let dropouts = model.namedLayers.compactMap { $0.layer as? Dropout }
        #expect(dropouts.count == 2)
        model.eval()
        #expect(dropouts.allSatisfy { !$0.isTraining })
        let x = Tensor.ones([3, 2])
        #expect(model(x).scalars == model(x).scalars, "no dropout in evaluation mode")
        model.train()
        #expect(dropouts.allSatisfy { $0.isTraining })
        wrapper.setTraining(false)
        #expect(deep.isTraining && !wrapper.inner[1, as: Dropout.self].isTraining, "only the wrapper's part")
    }

    @Test func withTrainingRestoresEachLayersOwnMode() {
        let (on, off) = (Dropout(probability: 0.5), Dropout(probability: 0.5))
        off.eval()
        let model = Sequential(on, off)
        let seen = model.withTraining(false) { [on.isTraining, off.isTraining] }
        #expect(seen == [false, false])
        #expect(on.isTraining && !off.isTraining)
        #expect(model.withTraining(true) { off.isTraining })
        #expect(!off.isTraining)
    }
}
