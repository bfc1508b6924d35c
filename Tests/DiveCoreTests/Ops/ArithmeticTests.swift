import Testing
import DiveCore
import DiveTestSupport

@Suite struct ArithmeticTests {
    let a = Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3])

    @Test func equalShapes() {
        let b = Tensor([6, 5, 4, 3, 2, 1], shape: [2, 3])
        expectTensor(a + b, shape: [2, 3], [7, 7, 7, 7, 7, 7])
        expectTensor(a - b, shape: [2, 3], [-5, -3, -1, 1, 3, 5])
        expectTensor(a * b, shape: [2, 3], [6, 10, 12, 12, 10, 6])
        expectTensor(a / b, shape: [2, 3], [1.0 / 6, 0.4, 0.75, 4.0 / 3, 2.5, 6])
    }

    @Test func broadcastRowAgainstMatrixOnEitherSide() {
        let row = Tensor([10, 20, 30])
        expectTensor(a + row, shape: [2, 3], [11, 22, 33, 14, 25, 36])
        expectTensor(row - a, shape: [2, 3], [9, 18, 27, 6, 15, 24])
        expectTensor(a * row, shape: [2, 3], [10, 40, 90, 40, 100, 180])
        expectTensor(row / a, shape: [2, 3], [10, 10, 10, 2.5, 4, 5])
    }

    @Test func broadcastColumnAgainstRow() {
        let column = Tensor([1, 2, 3], shape: [3, 1]), row = Tensor([10, 20, 30, 40], shape: [1, 4])
        expectTensor(column + row, shape: [3, 4], [11, 21, 31, 41, 12, 22, 32, 42, 13, 23, 33, 43])
        expectTensor(row * column, shape: [3, 4], [10, 20, 30, 40, 20, 40, 60, 80, 30, 60, 90, 120])
    }

    @Test func broadcastThreeShapes() {
        // [2, 1, 3] + [4, 1] → [2, 4, 3], then + [3] keeps [2, 4, 3].
        let x = Tensor([0, 1, 2, 100, 101, 102], shape: [2, 1, 3])
        let y = Tensor([0, 10, 20, 30], shape: [4, 1])
        let z = Tensor([1000, 2000, 3000])
        let sum = x + y + z
        #expect(sum.shape == [2, 4, 3])
        #expect(sum[0, 0, 0] == 1000)
        #expect(sum[0, 2, 1] == 2021)
        #expect(sum[1, 3, 2] == 3132)
        #expect(sum[1, 1, 0] == 1110)
    }

    @Test func scalarOperandsOnEitherSide() {
        let x = Tensor([1, 2, 4])
        expectTensor(x + 1, shape: [3], [2, 3, 5])
        expectTensor(1 + x, shape: [3], [2, 3, 5])
        expectTensor(x - 1, shape: [3], [0, 1, 3])
        expectTensor(1 - x, shape: [3], [0, -1, -3])
        expectTensor(x * 2, shape: [3], [2, 4, 8])
        expectTensor(2 * x, shape: [3], [2, 4, 8])
        expectTensor(x / 2, shape: [3], [0.5, 1, 2])
        expectTensor(2 / x, shape: [3], [2, 1, 0.5])
        expectTensor(Tensor(3) * x, shape: [3], [3, 6, 12])
        expectTensor(Tensor(3) + Tensor(4), shape: [], [7])
    }

    @Test func negationAndPowers() {
        let x = Tensor([1, -2, 3])
        expectTensor(-x, shape: [3], [-1, 2, -3])
        expectTensor(x.pow(2), shape: [3], [1, 4, 9])
        expectTensor(x.pow(3), shape: [3], [1, -8, 27])
        expectTensor(Tensor([4, 9]).pow(0.5), shape: [2], [2, 3])
        expectTensor(Tensor([2, 3]).pow(Tensor([3, 2])), shape: [2], [8, 9])
        expectTensor(Tensor([2, 3], shape: [2, 1]).pow(Tensor([1, 2])), shape: [2, 2], [2, 4, 3, 9])
    }

    @Test func powerGradients() {
        expectClose(gradient(of: { $0.pow(3).sum() }, at: [1, -2]), [3, 12])
        let base = Tensor([2, 3]), exponent = Tensor([3, 2]).requiringGrad()
        base.pow(exponent).sum().backward()
        expectClose(exponent.grad?.scalars ?? [], [8 * 0.693_147_2, 9 * 1.098_612_3])
    }

    @Test func inPlaceUpdates() {
        var x = Tensor([1, 2, 3, 4], shape: [2, 2])
        x += 1
        expectTensor(x, shape: [2, 2], [2, 3, 4, 5])
        x -= Tensor([1, 2])
        expectTensor(x, shape: [2, 2], [1, 1, 3, 3])
        x *= Tensor([2, 3], shape: [2, 1])
        expectTensor(x, shape: [2, 2], [2, 2, 9, 9])
        x *= 0.5
        expectTensor(x, shape: [2, 2], [1, 1, 4.5, 4.5])
        x.fill(7)
        expectTensor(x, shape: [2, 2], [7, 7, 7, 7])
        x.assign(Tensor([1, 2, 3, 4], shape: [2, 2]).T)
        expectTensor(x, shape: [2, 2], [1, 3, 2, 4])
    }

    @Test func inPlaceUpdateOfTransposedViewWritesInViewOrder() {
        var x = Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3]).T
        x += Tensor([10, 20], shape: [1, 2])
        expectTensor(x, shape: [3, 2], [11, 24, 12, 25, 13, 26])
    }

    @Test func inPlaceUpdateOnLeafInsideWithoutGradientsKeepsItALeaf() {
        var w = Tensor([1, 2]).requiringGrad()
        (w * w).sum().backward()
        withoutGradients { w -= 0.5 * w.grad! }
        expectTensor(w, shape: [2], [0, 0])
        #expect(w.requiresGrad)
        w.zeroGrad()
        (w * 3).sum().backward()
        expectClose(w.grad?.scalars ?? [], [3, 3])
    }

    @Test func selfUpdateReadsTheOldValues() {
        var x = Tensor([1, 2, 3])
        x += x
        expectTensor(x, shape: [3], [2, 4, 6])
    }

    @Test func inPlaceUpdateOfRecordedTensorTraps() async {
        await #expect(processExitsWith: .failure) {
            var w = Tensor([1, 2]).requiringGrad()
            w -= 1
        }
    }

    @Test func inPlaceUpdateThatWouldGrowTheTensorTraps() async {
        await #expect(processExitsWith: .failure) {
            var x = Tensor([1, 2, 3])
            x += Tensor.ones([2, 3])
        }
    }

    @Test func shapeMismatchTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = Tensor.ones([2, 3]) + Tensor.ones([2])
        }
        await #expect(processExitsWith: .failure) {
            _ = Tensor.ones([2, 3]) * Tensor.ones([3, 2])
        }
    }
}
