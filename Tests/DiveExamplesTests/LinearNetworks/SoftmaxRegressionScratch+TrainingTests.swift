@testable import DiveExamples
import Dive
import Testing

@Suite struct SoftmaxRegressionScratchTrainingTests {
    @Test func accuracyCountsRowsWhoseLargestEntryIsTheLabel() {
        let yHat = Tensor([0.1, 0.3, 0.6, 0.3, 0.2, 0.5], shape: [2, 3])
        #expect(accuracy(yHat, [2, 2]) == 2)
        #expect(accuracy(yHat, [0, 2]) == 1)
        #expect(accuracy(yHat, [1, 0]) == 0)
    }

    @Test func evaluationAveragesLossAndAccuracyOverEveryBatchInEvaluationMode() {
        // Ten one-pixel "images" whose label is 1 when the pixel is bright; the net scores
        // class 1 by the pixel itself, so it is right on the bright ones and on the dark ones.
        let pixels: [UInt8] = [0, 255, 0, 255, 255, 0, 0, 255, 255, 0]
        let dataset = ImageDataset(images: pixels, height: 1, width: 1, labels: pixels.map { $0 > 0 ? 1 : 0 },
                                   classNames: ["dark", "bright"])
        let net = { (x: Tensor) in Tensor.concatenated([0.5 - x.reshaped([-1, 1]), x.reshaped([-1, 1]) - 0.5], alongAxis: 1) }
        var modes: [Bool] = []
        // A loss of 1 for every bright example and 0 for every dark one: its mean is 5 / 10.
        let loss = { (_: Tensor, labels: [Int]) in Tensor(labels.map(Float.init)) }
        let result = evaluateCh3(net, DataLoader(dataset, batchSize: 3, shuffle: false), loss: loss) { modes.append($0) }
        #expect(result.accuracy == 1 && result.loss == 0.5)
        #expect(modes == [false])
    }
}
