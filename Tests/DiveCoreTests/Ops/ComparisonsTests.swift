import Testing
import DiveCore
import DiveTestSupport

@Suite struct ComparisonsTests {
    let x = Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3])

    @Test func masksWithBroadcasting() {
        let y = Tensor([2, 2, 7])
        expectTensor(x.isGreater(than: y), shape: [2, 3], [0, 0, 0, 1, 1, 0])
        expectTensor(x.isLess(than: y), shape: [2, 3], [1, 0, 1, 0, 0, 1])
        expectTensor(x.isEqual(to: y), shape: [2, 3], [0, 1, 0, 0, 0, 0])
        expectTensor(x.isGreater(than: 3), shape: [2, 3], [0, 0, 0, 1, 1, 1])
        expectTensor(x.isLess(than: 3), shape: [2, 3], [1, 1, 0, 0, 0, 0])
        expectTensor(x.isEqual(to: 3), shape: [2, 3], [0, 0, 1, 0, 0, 0])
    }

    @Test func masksCarryNoGradient() {
        let leaf = x.requiringGrad()
        #expect(!leaf.isGreater(than: 2).requiresGrad)
        #expect(!leaf.isEqual(to: leaf).requiresGrad)
    }

    @Test func whereValuesWithBroadcasting() {
        let condition = Tensor([1, 0, 1], shape: [1, 3])
        expectTensor(Tensor.where(condition, x, Tensor(-1)), shape: [2, 3], [1, -1, 3, 4, -1, 6])
        expectTensor(Tensor.where(Tensor([0, 1], shape: [2, 1]), Tensor([10, 20, 30]), x),
                     shape: [2, 3], [1, 2, 3, 10, 20, 30])
    }

    @Test func whereSendsTheGradientToThePickedSide() {
        let a = Tensor([1, 2, 3]).requiringGrad(), b = Tensor(0).requiringGrad()
        Tensor.where(Tensor([1, 0, 2]), a, b).sum().backward()
        #expect(a.grad?.scalars == [1, 0, 1])
        #expect(b.grad?.scalars == [1])
    }

    @Test func whereTrapsOnShapesThatDoNotBroadcast() async {
        await #expect(processExitsWith: .failure) {
            _ = Tensor.where(Tensor.ones([2]), Tensor.ones([3]), Tensor.ones([3]))
        }
    }
}
