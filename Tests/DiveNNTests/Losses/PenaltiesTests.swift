import DiveCore
import DiveNN
import Testing
import DiveTestSupport

@Suite struct PenaltiesTests {
    @Test func l2IsHalfTheSumOfSquares() {
        expectClose(l2Penalty(Tensor([1, -2, 3])), 7)
        let parameters = [Parameter(Tensor([1, -2])), Parameter(Tensor([3], shape: [1, 1]))]
        expectClose(l2Penalty(parameters), 7)
        expectClose(l2Penalty([]), 0)
    }

    @Test func l1IsTheSumOfAbsoluteValues() {
        expectClose(l1Penalty(Tensor([1, -2, 3])), 6)
        expectClose(l1Penalty([Parameter(Tensor([1, -2])), Parameter(Tensor([3]))]), 6)
    }

    @Test func gradientsReachTheParameters() {
        let w = Parameter(Tensor([1, -2, 0]))
        (l2Penalty([w]) + l1Penalty([w])).backward()
        #expect(w.grad!.scalars == [2, -3, 0])
        let check = checkGradient(of: { l2Penalty($0) + l1Penalty($0) }, at: Tensor([0.5, -1.5, 2]))
        #expect(check.maxError < 1e-2, "\(check)")
    }
}
