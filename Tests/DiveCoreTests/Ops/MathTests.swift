import Foundation
import Testing
import DiveCore
import DiveTestSupport

@Suite struct MathTests {
    @Test func values() {
        expectTensor(Tensor([0, 1, -1]).exp(), shape: [3], [1, Float(M_E), Float(1 / M_E)])
        expectTensor(Tensor([1, Float(M_E), 0.5]).log(), shape: [3], [0, 1, -Float(M_LN2)])
        expectTensor(Tensor([0, 4, 2.25]).sqrt(), shape: [3], [0, 2, 1.5])
        expectTensor(Tensor([-2, 0, 3]).abs(), shape: [3], [2, 0, 3])
        expectTensor(Tensor([-2, 0, 3]).squared(), shape: [3], [4, 0, 9])
    }

    @Test func edgeValuesFollowIEEE() {
        let logs = Tensor([0, -1]).log().scalars
        #expect(logs[0] == -.infinity)
        #expect(logs[1].isNaN)
        #expect(Tensor([1000]).exp().item() == .infinity)
    }

    @Test func worksOnStridedViews() {
        let x = Tensor([1, 4, 9, 16], shape: [2, 2]).T
        expectTensor(x.sqrt(), shape: [2, 2], [1, 3, 2, 4])
    }

    @Test func gradients() {
        expectClose(gradient(of: { $0.exp().sum() }, at: [0, 1]), [1, Float(M_E)])
        expectClose(gradient(of: { $0.log().sum() }, at: [2, 0.5]), [0.5, 2])
        expectClose(gradient(of: { $0.sqrt().sum() }, at: [4, 0.25]), [0.25, 1])
        expectClose(gradient(of: { $0.squared().sum() }, at: [3, -1]), [6, -2])
    }

    @Test func absGradientAtZeroIsZero() {
        #expect(gradient(of: { $0.abs().sum() }, at: [-1, 0, 2]) == [-1, 0, 1])
    }
}
