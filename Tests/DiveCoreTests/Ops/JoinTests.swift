import Testing
import DiveCore
import DiveTestSupport

@Suite struct JoinTests {
    let a = Tensor([1, 2, 3, 4], shape: [2, 2]), b = Tensor([5, 6], shape: [1, 2])

    @Test func concatenatedAlongEachAxis() {
        expectTensor(Tensor.concatenated([a, b]), shape: [3, 2], [1, 2, 3, 4, 5, 6])
        expectTensor(Tensor.concatenated([a, b.T], alongAxis: 1), shape: [2, 3], [1, 2, 5, 3, 4, 6])
        expectTensor(Tensor.concatenated([a, a, a], alongAxis: -1), shape: [2, 6], [1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4])
        expectTensor(Tensor.concatenated([a]), shape: [2, 2], [1, 2, 3, 4])
        expectTensor(Tensor.concatenated([Tensor([1]), Tensor([]), Tensor([2, 3])]), shape: [3], [1, 2, 3])
    }

    @Test func stackedAlongANewAxis() {
        let c = Tensor([5, 6, 7, 8], shape: [2, 2])
        expectTensor(Tensor.stacked([a, c]), shape: [2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8])
        expectTensor(Tensor.stacked([a, c], alongAxis: 1), shape: [2, 2, 2], [1, 2, 5, 6, 3, 4, 7, 8])
        expectTensor(Tensor.stacked([a, c], alongAxis: -1), shape: [2, 2, 2], [1, 5, 2, 6, 3, 7, 4, 8])
        expectTensor(Tensor.stacked([Tensor(1), Tensor(2)]), shape: [2], [1, 2])
    }

    @Test func gradientIsSplitBack() {
        let x = Tensor([1, 2]).requiringGrad(), y = Tensor([3, 4, 5]).requiringGrad()
        (Tensor.concatenated([x, y]) * Tensor([1, 2, 3, 4, 5])).sum().backward()
        #expect(x.grad?.scalars == [1, 2])
        #expect(y.grad?.scalars == [3, 4, 5])
    }

    @Test func theSameTensorTwiceGetsBothGradients() {
        let x = Tensor([1, 2]).requiringGrad()
        (Tensor.stacked([x, x]) * Tensor([1, 2, 3, 4], shape: [2, 2])).sum().backward()
        #expect(x.grad?.scalars == [4, 6])
    }

    @Test func onlyInputsThatNeedAGradientGetOne() {
        let x = Tensor([1, 2]).requiringGrad(), constant = Tensor([3])
        let joined = Tensor.concatenated([constant, x])
        #expect(joined.requiresGrad)
        joined.sum().backward()
        #expect(x.grad?.scalars == [1, 1])
        #expect(constant.grad == nil)
    }

    @Test func mismatchedShapesTrap() async {
        await #expect(processExitsWith: .failure) {
            _ = Tensor.concatenated([Tensor.ones([2, 2]), Tensor.ones([2, 3])])
        }
        await #expect(processExitsWith: .failure) { _ = Tensor.stacked([Tensor.ones([2]), Tensor.ones([3])]) }
        await #expect(processExitsWith: .failure) { _ = Tensor.concatenated([]) }
    }
}
