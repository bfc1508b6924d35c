import Testing
import DiveCore
import DiveTestSupport

@Suite struct GradientCheckTests {
    @Test func agreesOnACorrectGradient() {
        let check = checkGradient(of: { $0.pow(3).sum() }, at: Tensor([1, 2]))
        #expect(check.analytic.map(\.scalars) == [[3, 12]])
        expectClose(check.numeric[0].scalars, [3, 12], tolerance: 1e-3)
        #expect(check.maxError < 1e-3)
    }

    @Test func catchesAWrongGradient() {
        // Autograd sees only one factor of x·x when the other is detached: it reports x, not 2x.
        let check = checkGradient(of: { ($0.detached() * $0).sum() }, at: Tensor([1, 2, 3]))
        #expect(check.maxError > 0.4, "\(check)")  // |x − 2x| / 2x
        #expect(check.description.hasPrefix("gradient check: max error"))
    }

    @Test func severalInputsAndUnusedOnes() {
        let check = checkGradient(of: { ($0[0] * $0[1]).sum() },
                                  at: [Tensor([1, 2]), Tensor([3, 4]), Tensor([5])])
        #expect(check.analytic.count == 3 && check.numeric.count == 3)
        #expect(check.analytic[0].scalars == [3, 4])
        #expect(check.analytic[1].scalars == [1, 2])
        #expect(check.analytic[2].scalars == [0])
        #expect(check.maxError < 1e-3)
    }

    @Test func acceptsInputsThatAlreadyRequireGradOrAreViews() {
        let x = Tensor([1, 2, 3, 4], shape: [2, 2]).requiringGrad()
        let check = checkGradient(of: { ($0 * $0).sum() }, at: x.T)
        #expect(check.maxError < 1e-2)
        #expect(x.grad == nil)
    }
}
