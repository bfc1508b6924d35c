import DiveCore
import Testing
@testable import DiveTrain

@Suite struct MetricsTests {
    @Test func accuracyCountsRowsWhoseLargestScoreIsTheLabel() {
        let logits = Tensor([0.1, 0.9, 0.0,
                             0.8, 0.1, 0.1,
                             0.2, 0.3, 0.5,
                             0.3, 0.3, 0.4], shape: [4, 3])
        #expect(accuracy(logits: logits, labels: [1, 0, 0, 2]) == 3)
        #expect(accuracy(logits: logits, labels: [0, 1, 1, 0]) == 0)
    }

    @Test func accuracyTrapsWhenLabelsAndRowsDiffer() async {
        await #expect(processExitsWith: .failure) {
            _ = accuracy(logits: Tensor.zeros([2, 3]), labels: [0])
        }
    }

    @Test func accumulatorSumsEachQuantity() {
        var metric = Accumulator(count: 3)
        metric.add(1.5, 2, 10)
        metric.add(0.5, 1, 10)
        #expect(metric.sums == [2, 3, 20])
        #expect(metric[0] / metric[2] == 0.1)
        metric.reset()
        #expect(metric.sums == [0, 0, 0])
    }

    @Test func totalsNameTheLossSumTheCorrectAndTheExamples() {
        var totals = MetricTotals()
        #expect(totals.meanLoss == 0 && totals.accuracy == 0)
        totals.add(meanLoss: 0.5, correct: 7, examples: 10)
        totals.add(meanLoss: 2, correct: 1, examples: 5)
        #expect(totals == MetricTotals(lossSum: 15, correct: 8, examples: 15))
        #expect(totals.meanLoss == 1 && totals.accuracy == 8.0 / 15)
    }
}
