import DiveCore
import DiveData
import Testing

@Suite struct TensorDatasetTests {
    @Test func batchGathersRowsInTheGivenOrder() {
        let dataset = TensorDataset(inputs: Tensor((0..<6).map(Float.init), shape: [3, 2]),
                                    targets: Tensor([10, 11, 12], shape: [3, 1]))
        #expect(dataset.count == 3)
        let batch = dataset.batch(at: [2, 0, 2])
        #expect(batch.inputs.shape == [3, 2] && batch.inputs.scalars == [4, 5, 0, 1, 4, 5])
        #expect(batch.targets.shape == [3, 1] && batch.targets.scalars == [12, 10, 12])
    }

    @Test func syntheticDataFollowsTheLinearModel() {
        var generator = RandomGenerator(seed: 1)
        let data = syntheticLinearData(weights: Tensor([2, -3.4]), bias: 4.2, count: 1000, using: &generator)
        #expect(data.inputs.shape == [1000, 2] && data.targets.shape == [1000, 1])
        let x = data.inputs.scalars, y = data.targets.scalars
        let residuals: [Float] = (0..<1000).map { i in
            let prediction: Float = 2 * x[2 * i] - 3.4 * x[2 * i + 1] + 4.2
            return y[i] - prediction
        }
        #expect(abs(mean(residuals)) < 0.003)
        #expect(abs(standardDeviation(residuals) - 0.01) < 0.002)
        #expect(abs(mean(x)) < 0.1 && abs(standardDeviation(x) - 1) < 0.1)
    }

    @Test func syntheticDataIsReproducible() {
        var first = RandomGenerator(seed: 7), second = RandomGenerator(seed: 7)
        let a = syntheticLinearData(weights: Tensor([1, 2, 3]), bias: 0, count: 10, noise: 0.5, using: &first)
        let b = syntheticLinearData(weights: Tensor([1, 2, 3]), bias: 0, count: 10, noise: 0.5, using: &second)
        #expect(a.inputs.scalars == b.inputs.scalars && a.targets.scalars == b.targets.scalars)
    }
}

private func mean(_ values: [Float]) -> Float { values.reduce(0, +) / Float(values.count) }

private func standardDeviation(_ values: [Float]) -> Float {
    let m = mean(values)
    return mean(values.map { ($0 - m) * ($0 - m) }).squareRoot()
}
