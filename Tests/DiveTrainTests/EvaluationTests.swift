import DiveCore
import Foundation
import DiveData
import DiveNN
import Testing
@testable import DiveTrain

@Suite struct EvaluationTests {
    /// A linear model whose logits are the inputs themselves.
    func identity() -> Linear {
        let layer = Linear(inputSize: 2, outputSize: 2)
        layer.weight.value = Tensor([1, 0, 0, 1], shape: [2, 2])
        layer.bias?.value = Tensor.zeros([2])
        return layer
    }

    let batches = [
        LabeledBatch(inputs: Tensor([2, 0, 0, 2, 1, 0], shape: [3, 2]), labels: [0, 1, 1]),
        LabeledBatch(inputs: Tensor([0, 0], shape: [1, 2]), labels: [0]),
    ]

    @Test func evaluateAveragesLossAndAccuracyOverExamples() throws {
        let model = identity()
        let result = evaluate(model, on: batches)
        #expect(result.count == 4)
        #expect(result.accuracy == 0.75)   // argmax of [0, 0] is class 0
        let lossSum = 2 * log(1 + exp(-2.0)) + log(1 + exp(1.0)) + log(2.0)
        #expect(abs(result.loss - lossSum / 4) < 1e-5)
    }

    @Test func evaluateOfNothingIsZero() {
        #expect(evaluate(identity(), on: [LabeledBatch]()) == Evaluation(loss: 0, accuracy: 0, count: 0))
    }

    @Test func evaluateAndPredictUseEvaluationModeWithoutGradientsAndRestoreTheMode() {
        let probe = ModeProbe()
        let model = Sequential(probe, identity())
        _ = evaluate(model, on: batches)
        _ = predict(model, on: batches)
        #expect(probe.modes == [false, false, false, false])
        #expect(probe.isTraining)
        model.eval()
        _ = predict(model, inputs: Tensor.zeros([3, 2]))
        #expect(!probe.isTraining)
    }

    @Test func predictGivesTheLargestLogitOfEachRowInOrder() {
        #expect(predict(identity(), on: batches) == [0, 1, 0, 0])
    }

    @Test func predictOnATensorWorksInBatches() {
        let inputs = Tensor([1, 0, 0, 1, 3, 4, 5, 2, 0, 9], shape: [5, 2])
        #expect(predict(identity(), inputs: inputs, batchSize: 2) == [0, 1, 1, 0, 1])
        #expect(predict(identity(), inputs: inputs, batchSize: 2) == predict(identity(), inputs: inputs, batchSize: 100))
    }
}
