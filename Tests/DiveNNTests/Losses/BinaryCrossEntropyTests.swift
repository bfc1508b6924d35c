import Foundation
import DiveCore
import DiveNN
import Testing
import DiveTestSupport

@Suite struct BinaryCrossEntropyTests {
    @Test func probabilitiesByHandWithLogsClampedAtMinus100() {
        let p = Tensor([0.8, 0.3, 0, 1, 0.5])
        let y = Tensor([1, 0, 1, 1, 0])
        let byHand: [Float] = [-Foundation.log(0.8), -Foundation.log(0.7), 100, 0, Foundation.log(2)]
        expectClose(binaryCrossEntropy(probabilities: p, targets: y, reduction: .none).scalars, byHand)
        expectClose(binaryCrossEntropy(probabilities: p, targets: y, reduction: .sum), byHand.reduce(0, +), tolerance: 1e-4)
        expectClose(binaryCrossEntropy(probabilities: p, targets: y), byHand.reduce(0, +) / 5, tolerance: 1e-4)
    }

    @Test func probabilitiesOfZeroAndOneHaveFiniteGradients() {
        let p = Tensor([0, 1, 0.25]).requiringGrad()
        binaryCrossEntropy(probabilities: p, targets: Tensor([1, 0, 1]), reduction: .sum).backward()
        let grad = p.grad!.scalars
        #expect(grad.allSatisfy { $0.isFinite })
        expectClose(Array(grad.suffix(1)), [-4])   // d/dp of -log p at 0.25
    }

    @Test func logitsByHand() {
        let x = Tensor([0, 2, -3, 0.5])
        let y = Tensor([1, 0, 0.5, 0.25])
        let byHand = zip(x.scalars, y.scalars).map { x, y -> Float in
            let s = 1 / (1 + Foundation.exp(-Double(x)))
            return Float(-(Double(y) * Foundation.log(s) + (1 - Double(y)) * Foundation.log(1 - s)))
        }
        expectClose(binaryCrossEntropy(logits: x, targets: y, reduction: .none).scalars, byHand)
        expectClose(binaryCrossEntropy(logits: x, targets: y, reduction: .sum), byHand.reduce(0, +))
        expectClose(binaryCrossEntropy(logits: x, targets: y), byHand.reduce(0, +) / 4)
    }

    @Test func largeLogitsAreStable() {
        let x = Tensor([1000, -1000, 1000]).requiringGrad()
        let losses = binaryCrossEntropy(logits: x, targets: Tensor([1, 0, 0]), reduction: .none)
        expectClose(losses.scalars, [0, 0, 1000], tolerance: 1e-3)
        losses.sum().backward()
        expectClose(x.grad!.scalars, [0, 0, 1])
    }

    @Test func logitGradientIsSigmoidMinusTargetEvenAtZero() {
        let x = Tensor([0, 0, 1.5]).requiringGrad()
        let y = Tensor([1, 0, 0.5])
        binaryCrossEntropy(logits: x, targets: y, reduction: .sum).backward()
        expectClose(x.grad!.scalars, (Tensor([0, 0, 1.5]).sigmoid() - y).scalars)
    }

    @Test func logitsAgreeWithSigmoidThenProbabilities() {
        let x = Tensor.randn([3, 4], seed: 1)
        let y = Tensor([1, 0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 0], shape: [3, 4])
        expectClose(binaryCrossEntropy(logits: x, targets: y).scalars,
                    binaryCrossEntropy(probabilities: x.sigmoid(), targets: y).scalars)
    }

    @Test(arguments: [Reduction.mean, .sum])
    func gradientsMatchFiniteDifferences(_ reduction: Reduction) {
        let targets = Tensor([1, 0, 0.3, 1, 0, 0.8], shape: [2, 3])
        let probabilities = Tensor([0.2, 0.4, 0.6, 0.9, 0.1, 0.5], shape: [2, 3])
        let onProbabilities = checkGradient(of: { binaryCrossEntropy(probabilities: $0, targets: targets, reduction: reduction) },
                                            at: probabilities, step: 1e-3)
        #expect(onProbabilities.maxError < 1e-2, "\(onProbabilities)")
        let logits = Tensor([-2, 0.5, 1, 3, -0.3, 0.05], shape: [2, 3])
        let onLogits = checkGradient(of: { binaryCrossEntropy(logits: $0, targets: targets, reduction: reduction) }, at: logits)
        #expect(onLogits.maxError < 1e-2, "\(onLogits)")
    }
}
