import Dive
import Testing

/// The Swift examples of README.md, so that the README stays true (trained on a small subset here).
@Suite struct ReadmeExampleTests {
    @Test func theBooksTrainingLoopLearns() throws {
        let train = try FashionMNIST.load(.train).subset(0..<2048)
        let test = try FashionMNIST.load(.test).subset(0..<1024)

        var generator = RandomGenerator(seed: 0)
        let model = Sequential(Flatten(), Linear(inputSize: 784, outputSize: 256, generator: &generator), ReLU(),
                               Linear(inputSize: 256, outputSize: 10, generator: &generator))
        model.initialize(weights: .normal(mean: 0, std: 0.01), biases: .zeros, using: &generator)
        let optimizer = SGD(parameters: model.parameters, learningRate: 0.1)
        let loader = DataLoader(train, batchSize: 256, shuffle: true, seed: 0)

        var accuracy = 0.0
        for epoch in 0..<3 {
            for batch in loader.batches(forEpoch: epoch) {
                let loss = crossEntropy(logits: model(batch.inputs), labels: batch.labels)
                loss.backward()
                optimizer.step()
                optimizer.zeroGrad()
            }
            accuracy = evaluate(model, on: DataLoader(test, batchSize: 256, shuffle: false)).accuracy
        }
        // 24 small steps from N(0, 0.01²) weights: well above chance (0.1), far from the full run's 0.85.
        #expect(accuracy > 0.5)
    }

    @Test func gradientOfTwoXTransposeX() {
        let x = Tensor.arange(to: 4).requiringGrad()
        let y = 2 * (x * x).sum()
        y.backward()
        #expect(x.grad?.scalars == [0, 4, 8, 12])
        #expect(x.grad?.description == "Tensor([4], [0, 4, 8, 12])")
    }
}
