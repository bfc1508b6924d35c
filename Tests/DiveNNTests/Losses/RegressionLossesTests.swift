import DiveCore
import DiveNN
import Testing
import DiveTestSupport

@Suite struct RegressionLossesTests {
    let prediction = Tensor([1, 2, 3, 4], shape: [2, 2])
    let target = Tensor([1, 0, 5, 3.5], shape: [2, 2])
    // Differences 0, 2, -2, 0.5.

    @Test func mseByHand() {
        expectClose(mseLoss(prediction, target), (0 + 4 + 4 + 0.25) / 4)
        expectClose(mseLoss(prediction, target, reduction: .sum), 8.25)
        let none = mseLoss(prediction, target, reduction: .none)
        #expect(none.shape == [2, 2])
        expectClose(none.scalars, [0, 4, 4, 0.25])
    }

    @Test func l1ByHand() {
        expectClose(l1Loss(prediction, target), 4.5 / 4)
        expectClose(l1Loss(prediction, target, reduction: .sum), 4.5)
        expectClose(l1Loss(prediction, target, reduction: .none).scalars, [0, 2, 2, 0.5])
    }

    @Test func theBooksSquaredLossHalvesAndReshapesTheTarget() {
        let loss = squaredLoss(Tensor([2, 1, 0], shape: [3, 1]), Tensor([1, 3, 0]))
        #expect(loss.shape == [3, 1])
        expectClose(loss.scalars, [0.5, 2, 0])
    }

    @Test func gradientsMatchFiniteDifferences() {
        let p = Tensor([0.3, -1.2, 2, 0.7], shape: [2, 2])
        for reduction in [Reduction.mean, .sum] {
            let mse = checkGradient(of: { mseLoss($0[0], $0[1], reduction: reduction) }, at: [p, target])
            #expect(mse.maxError < 1e-2, "\(mse)")
            let l1 = checkGradient(of: { l1Loss($0[0], $0[1], reduction: reduction) }, at: [p, target])
            #expect(l1.maxError < 1e-2, "\(l1)")
        }
        let squared = checkGradient(of: { squaredLoss($0[0], $0[1]).sum() }, at: [p.reshaped(4, 1), Tensor([1, 0, 5, 3.5])])
        #expect(squared.maxError < 1e-2, "\(squared)")
    }

    @Test func l1GradientAtZeroErrorIsZero() {
        let p = Tensor([1, 2]).requiringGrad()
        l1Loss(p, Tensor([1, 0]), reduction: .sum).backward()
        #expect(p.grad!.scalars == [0, 1])
    }

    @Test func mismatchedShapesTrapInsteadOfBroadcasting() async {
        await #expect(processExitsWith: .failure) {
            _ = mseLoss(Tensor.zeros([4, 1]), Tensor.zeros([4]))
        }
    }
}
