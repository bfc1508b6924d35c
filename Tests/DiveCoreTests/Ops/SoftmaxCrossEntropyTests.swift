import Testing
@testable import DiveCore
import DiveTestSupport

/// The fused cross-entropy against its composite oracle, `-logSoftmax(x).gathering(labels)`.
struct SoftmaxCrossEntropyTests {
    let logits = Tensor.uniform([6, 4], in: -3...3, seed: 5)
    let labels = [0, 3, 1, 2, 3, 0]

    @Test func matchesTheComposite() {
        let fused = logits.softmaxCrossEntropy(labels: labels)
        let composite = -logits.logSoftmax(alongAxis: 1).gathering(labels)
        #expect(fused.shape == [6])
        expectClose(fused.scalars, composite.scalars)
    }

    @Test func gradientMatchesTheCompositeAndFiniteDifferences() {
        let weights = Tensor.uniform([6], in: 0.5...2, seed: 6)
        let fused = logits.requiringGrad()
        (fused.softmaxCrossEntropy(labels: labels) * weights).sum().backward()
        let composite = logits.requiringGrad()
        ((-composite.logSoftmax(alongAxis: 1).gathering(labels)) * weights).sum().backward()
        expectClose(fused.grad!.scalars, composite.grad!.scalars)
        let check = checkGradient(of: { ($0.softmaxCrossEntropy(labels: labels) * weights).sum() }, at: logits)
        #expect(check.maxError < 3e-3, "\(check)")
    }

    @Test func largeLogitsStayFinite() {
        let big = Tensor([1000, 0, -1000, 1000], shape: [2, 2]).requiringGrad()
        let loss = big.softmaxCrossEntropy(labels: [1, 0])
        expectClose(loss.scalars, [1000, 2000], tolerance: 1e-3)
        loss.sum().backward()
        expectClose(big.grad!.scalars, [1, -1, -1, 1], tolerance: 1e-6)
    }

    @Test func labelOutOfRangeTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = Tensor.zeros([1, 3]).softmaxCrossEntropy(labels: [3])
        }
    }
}
