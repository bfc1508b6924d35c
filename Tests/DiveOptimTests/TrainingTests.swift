import DiveCore
import DiveNN
import DiveOptim
import Testing

/// End to end: layers, a loss, backward and an optimizer together learn a problem that no
/// linear model can (XOR).
@Suite struct TrainingTests {
    let inputs = Tensor([0, 0, 0, 1, 1, 0, 1, 1], shape: [4, 2])
    let targets = Tensor([0, 1, 1, 0], shape: [4, 1])

    func train(_ model: any Layer, _ optimizer: any Optimizer, steps: Int) -> Float {
        var loss: Float = .infinity
        for _ in 0..<steps {
            optimizer.zeroGrad()
            let batchLoss = binaryCrossEntropy(logits: model(inputs), targets: targets)
            batchLoss.backward()
            optimizer.step()
            loss = batchLoss.item()
        }
        return loss
    }

    @Test func aTwoLayerMLPLearnsXORWithSGD() {
        var generator = RandomGenerator(seed: 1)
        let model = Sequential(Linear(inputSize: 2, outputSize: 8, generator: &generator), Tanh(),
                               Linear(inputSize: 8, outputSize: 1, generator: &generator))
        let loss = train(model, SGD(parameters: model.parameters, learningRate: 0.5, momentum: 0.9), steps: 300)
        #expect(loss < 0.05)
        let predictions = withoutGradients { model(inputs).sigmoid().scalars.map { $0 > 0.5 ? Float(1) : 0 } }
        #expect(predictions == targets.scalars)
    }

    @Test func theSameMLPLearnsXORWithAdam() {
        var generator = RandomGenerator(seed: 2)
        let model = Sequential(Linear(inputSize: 2, outputSize: 8, generator: &generator), ReLU(),
                               Linear(inputSize: 8, outputSize: 1, generator: &generator))
        let loss = train(model, Adam(parameters: model.parameters, learningRate: 0.05), steps: 300)
        #expect(loss < 0.05)
    }
}
