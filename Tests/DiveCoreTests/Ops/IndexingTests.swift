import Testing
import DiveCore
import DiveTestSupport

@Suite struct IndexingTests {
    @Test func gatheringPicksOneElementPerRow() {
        // The book's y_hat[[0, 1], y] with y_hat = [[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]], y = [0, 2].
        let yHat = Tensor([0.1, 0.3, 0.6, 0.3, 0.2, 0.5], shape: [2, 3])
        expectTensor(yHat.gathering([0, 2]), shape: [2], [0.1, 0.5])
    }

    @Test func gatheringFromATransposedView() {
        let x = Tensor([1, 2, 3, 4, 5, 6], shape: [3, 2]).T  // [[1, 3, 5], [2, 4, 6]]
        expectTensor(x.gathering([2, 1]), shape: [2], [5, 4])
    }

    @Test func gatheringGradientGoesToThePickedElements() {
        let x = Tensor.zeros([2, 3]).requiringGrad()
        (x.gathering([1, 1]) * Tensor([2, 3])).sum().backward()
        #expect(x.grad?.scalars == [0, 2, 0, 0, 3, 0])
    }

    @Test func oneHotRows() {
        expectTensor(Tensor.oneHot([2, 0, 1], classes: 3), shape: [3, 3], [0, 0, 1, 1, 0, 0, 0, 1, 0])
        expectTensor(Tensor.oneHot([], classes: 4), shape: [0, 4], [])
    }

    @Test func outOfRangeIndicesTrap() async {
        await #expect(processExitsWith: .failure) { _ = Tensor.zeros([2, 3]).gathering([0, 3]) }
        await #expect(processExitsWith: .failure) { _ = Tensor.zeros([2, 3]).gathering([0]) }
        await #expect(processExitsWith: .failure) { _ = Tensor.oneHot([0, -1], classes: 3) }
    }
}
