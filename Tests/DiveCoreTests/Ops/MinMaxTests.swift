import Testing
import DiveCore
import DiveTestSupport

@Suite struct MinMaxTests {
    @Test func elementwiseValuesWithBroadcasting() {
        let x = Tensor([1, 5, 3, -4, 0, 8], shape: [2, 3]), y = Tensor([2, 2, 2])
        expectTensor(x.maximum(y), shape: [2, 3], [2, 5, 3, 2, 2, 8])
        expectTensor(x.minimum(y), shape: [2, 3], [1, 2, 2, -4, 0, 2])
        expectTensor(y.maximum(x), shape: [2, 3], [2, 5, 3, 2, 2, 8])
        expectTensor(x.maximum(0), shape: [2, 3], [1, 5, 3, 0, 0, 8])
        expectTensor(x.minimum(0), shape: [2, 3], [0, 0, 0, -4, 0, 0])
    }

    @Test func clampedValues() {
        expectTensor(Tensor([-3, -1, 0.5, 1, 7]).clamped(to: -1...1), shape: [5], [-1, -1, 0.5, 1, 1])
    }

    /// On a tie the whole gradient goes to the operand passed as the argument, so that
    /// `x.maximum(zeros)` and `x.maximum(0)` have the gradient of `relu` at 0.
    @Test func tiesSendTheGradientToTheArgument() {
        let x = Tensor([1, 2, 3]).requiringGrad(), y = Tensor([1, 0, 3]).requiringGrad()
        x.maximum(y).sum().backward()
        #expect(x.grad?.scalars == [0, 1, 0])
        #expect(y.grad?.scalars == [1, 0, 1])
        x.zeroGrad()
        y.zeroGrad()
        x.minimum(y).sum().backward()
        #expect(x.grad?.scalars == [0, 0, 0])
        #expect(y.grad?.scalars == [1, 1, 1])
    }

    @Test func maximumWithZeroHasTheGradientOfRelu() {
        let points: [Float] = [-1, 0, 2]
        let relu = gradient(of: { $0.relu().sum() }, at: points)
        #expect(gradient(of: { $0.maximum(0).sum() }, at: points) == relu)
        #expect(gradient(of: { $0.maximum(Tensor(0)).sum() }, at: points) == relu)
        #expect(gradient(of: { $0.minimum(0).sum() }, at: points) == [1, 0, 0])
    }

    @Test func broadcastOperandGradientIsSummed() {
        let x = Tensor([1, 5, 3, -4, 0, 8], shape: [2, 3]), y = Tensor([2, 2, 2]).requiringGrad()
        x.maximum(y).sum().backward()
        #expect(y.grad?.scalars == [2, 1, 0])  // picked twice in column 0, once in column 1
    }

    @Test func clampedGradientIsZeroOnAndOutsideTheBounds() {
        #expect(gradient(of: { $0.clamped(to: -1...1).sum() }, at: [-2, -1, 0, 1, 2]) == [0, 0, 1, 0, 0])
    }
}
