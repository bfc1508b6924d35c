import Foundation
import Testing
import DiveCore
import DiveTestSupport

@Suite struct ActivationsTests {
    @Test func reluValues() {
        expectTensor(Tensor([-2, 0, 0.5, 3]).relu(), shape: [4], [0, 0, 0.5, 3])
    }

    @Test func reluGradientAtZeroIsZero() {
        #expect(gradient(of: { $0.relu().sum() }, at: [-1, 0, 2]) == [0, 0, 1])
    }

    @Test func sigmoidValues() {
        let y = Tensor([0, 2, -2]).sigmoid()
        expectTensor(y, shape: [3], [0.5, 1 / (1 + Float(exp(-2.0))), 1 / (1 + Float(exp(2.0)))])
    }

    @Test func sigmoidIsFiniteForLargeInputs() {
        let y = Tensor([-100, 100, -1000, 1000]).sigmoid().scalars
        #expect(y.allSatisfy { $0.isFinite })
        #expect(y[1] == 1 && y[3] == 1)
        #expect(y[0] >= 0 && y[0] < 1e-30)
        #expect(y[2] == 0)
        let g = gradient(of: { $0.sigmoid().sum() }, at: [-1000, 1000])
        #expect(g == [0, 0])
    }

    @Test func sigmoidGradientAtZeroIsAQuarter() {
        #expect(gradient(of: { $0.sigmoid().sum() }, at: [0]) == [0.25])
    }

    @Test func tanhValuesAndGradient() {
        expectTensor(Tensor([0, 1, -20]).tanh(), shape: [3], [0, Float(Foundation.tanh(1.0)), -1])
        let t = Float(Foundation.tanh(0.5))
        expectClose(gradient(of: { $0.tanh().sum() }, at: [0, 0.5]), [1, 1 - t * t])
    }
}
