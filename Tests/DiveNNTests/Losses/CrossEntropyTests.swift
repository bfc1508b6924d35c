import Foundation
import DiveCore
import DiveNN
import Testing
import DiveTestSupport

@Suite struct CrossEntropyTests {
    let logits = Tensor([1, 2, 3, 1, 1, 1], shape: [2, 3])
    let labels = [2, 0]
    // Row 0: -log(e³ / (e + e² + e³)); row 1: -log(1/3).
    var byHand: [Float] {
        [Float(Foundation.log(M_E + M_E * M_E + M_E * M_E * M_E) - 3), Float(Foundation.log(3.0))]
    }

    @Test func valuesByHandForEveryReduction() {
        expectClose(crossEntropy(logits: logits, labels: labels, reduction: .none).scalars, byHand)
        expectClose(crossEntropy(logits: logits, labels: labels, reduction: .sum), byHand[0] + byHand[1])
        expectClose(crossEntropy(logits: logits, labels: labels), (byHand[0] + byHand[1]) / 2)
    }

    @Test func matchesTheBooksNaiveFormulaOnSmallLogits() {
        let probabilities = logits.exp() / logits.exp().sum(alongAxis: 1, keepingDimension: true)
        let naive = -probabilities.gathering(labels).log()
        expectClose(crossEntropy(logits: logits, labels: labels, reduction: .none).scalars, naive.scalars)
    }

    @Test func largeLogitsGiveFiniteLossesAndGradients() {
        let big = Tensor([1000, 0, -1000, 0, 1000, 0], shape: [2, 3]).requiringGrad()
        let losses = crossEntropy(logits: big, labels: [0, 0], reduction: .none)
        expectClose(losses.scalars, [0, 1000], tolerance: 1e-3)
        crossEntropy(logits: big, labels: [0, 0]).backward()
        let grad = big.grad!.scalars
        #expect(grad.allSatisfy { $0.isFinite })
        // (softmax - one-hot) / batch.
        expectClose(grad, [0, 0, 0, -0.5, 0.5, 0])
    }

    @Test func gradientIsSoftmaxMinusOneHotOverBatch() {
        let x = logits.requiringGrad()
        crossEntropy(logits: x, labels: labels).backward()
        let expected = (logits.softmax(alongAxis: 1) - Tensor.oneHot(labels, classes: 3)) / 2
        expectClose(x.grad!.scalars, expected.scalars)
    }

    @Test(arguments: [Reduction.mean, .sum])
    func gradientMatchesFiniteDifferences(_ reduction: Reduction) {
        let x = Tensor.randn([4, 5], seed: 3)
        let check = checkGradient(of: { crossEntropy(logits: $0, labels: [0, 4, 2, 2], reduction: reduction) }, at: x)
        #expect(check.maxError < 1e-2, "\(check)")
    }

    @Test func aLabelOutOfRangeTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = crossEntropy(logits: Tensor.zeros([2, 3]), labels: [0, 3])
        }
    }

    @Test func oneLabelPerRowIsRequired() async {
        await #expect(processExitsWith: .failure) {
            _ = crossEntropy(logits: Tensor.zeros([2, 3]), labels: [0])
        }
    }
}
