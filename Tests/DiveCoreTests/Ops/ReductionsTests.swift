import Foundation
import Testing
import DiveCore
import DiveTestSupport

@Suite struct ReductionsTests {
    /// [[[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]], [[12, …, 15], [16, …, 19], [20, …, 23]]]
    let x = Tensor((0..<24).map(Float.init), shape: [2, 3, 4])

    @Test func sumEverything() {
        expectTensor(x.sum(), shape: [], [276])
        expectTensor(x.mean(), shape: [], [11.5])
        expectTensor(x.max(), shape: [], [23])
    }

    @Test func sumAlongEachAxis() {
        expectTensor(x.sum(alongAxis: 0), shape: [3, 4], [12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34])
        expectTensor(x.sum(alongAxis: 1), shape: [2, 4], [12, 15, 18, 21, 48, 51, 54, 57])
        expectTensor(x.sum(alongAxis: 2), shape: [2, 3], [6, 22, 38, 54, 70, 86])
        expectTensor(x.sum(alongAxis: -1), shape: [2, 3], [6, 22, 38, 54, 70, 86])
        expectTensor(x.sum(alongAxis: 1, keepingDimension: true), shape: [2, 1, 4], [12, 15, 18, 21, 48, 51, 54, 57])
    }

    @Test func meanAlongEachAxis() {
        expectTensor(x.mean(alongAxis: 0), shape: [3, 4], [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17])
        expectTensor(x.mean(alongAxis: 1, keepingDimension: true), shape: [2, 1, 4], [4, 5, 6, 7, 16, 17, 18, 19])
        expectTensor(x.mean(alongAxis: -1), shape: [2, 3], [1.5, 5.5, 9.5, 13.5, 17.5, 21.5])
    }

    @Test func maxAlongEachAxis() {
        let y = Tensor([3, 9, 1, 4, 2, 8], shape: [2, 3])
        expectTensor(y.max(alongAxis: 0), shape: [3], [4, 9, 8])
        expectTensor(y.max(alongAxis: 1), shape: [2], [9, 8])
        expectTensor(y.max(alongAxis: 1, keepingDimension: true), shape: [2, 1], [9, 8])
        expectTensor(x.max(alongAxis: 1), shape: [2, 4], [8, 9, 10, 11, 20, 21, 22, 23])
    }

    @Test func reductionsOfStridedViews() {
        let t = Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3]).T  // [[1, 4], [2, 5], [3, 6]]
        expectTensor(t.sum(alongAxis: 0), shape: [2], [6, 15])
        expectTensor(t.sum(alongAxis: 1), shape: [3], [5, 7, 9])
        expectTensor(t.max(alongAxis: 0), shape: [2], [3, 6])
        expectTensor(t.sum(), shape: [], [21])
    }

    @Test func argmaxPicksTheFirstOfTies() {
        let y = Tensor([1, 7, 7, 5, 5, 2], shape: [2, 3])
        #expect(y.argmax(alongAxis: 1) == [1, 0])
        #expect(y.argmax(alongAxis: 0) == [1, 0, 0])
        #expect(y.argmax(alongAxis: -1) == [1, 0])
    }

    @Test func maxGradientGoesToTheFirstOfTies() {
        let y = Tensor([1, 7, 7, 5, 5, 2], shape: [2, 3]).requiringGrad()
        y.max(alongAxis: 1).sum().backward()
        #expect(y.grad?.scalars == [0, 1, 0, 1, 0, 0])
        y.zeroGrad()
        y.max().backward()
        #expect(y.grad?.scalars == [0, 1, 0, 0, 0, 0])
    }

    @Test func sumAndMeanGradients() {
        let y = Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3]).requiringGrad()
        y.mean(alongAxis: 0).sum().backward()
        #expect(y.grad?.scalars == [0.5, 0.5, 0.5, 0.5, 0.5, 0.5])
        y.zeroGrad()
        (y.sum(alongAxis: 1, keepingDimension: true) * Tensor([1, 2], shape: [2, 1])).sum().backward()
        #expect(y.grad?.scalars == [1, 1, 1, 2, 2, 2])
    }

    @Test func logSumExpValues() {
        let y = Tensor([0, Float(log(3.0)), 1, 1], shape: [2, 2])
        expectTensor(y.logSumExp(alongAxis: 1), shape: [2], [Float(log(4.0)), 1 + Float(log(2.0))])
        expectTensor(y.logSumExp(alongAxis: 0, keepingDimension: true), shape: [1, 2],
                     [Float(log(1 + M_E)), Float(log(3 + M_E))])
    }

    @Test func logSumExpIsStableForLargeInputs() {
        let y = Tensor([1000, 1000, -1000, -1000], shape: [2, 2])
        expectTensor(y.logSumExp(alongAxis: 1), shape: [2], [1000 + Float(log(2.0)), -1000 + Float(log(2.0))])
        let g = gradient(of: { $0.logSumExp(alongAxis: 1).sum() }, at: y)
        #expect(g == [0.5, 0.5, 0.5, 0.5])
    }

    @Test func logSumExpOfInfiniteSlices() {
        let y = Tensor([-.infinity, -.infinity, .infinity, 0, -.infinity, 2], shape: [3, 2])
        let values = y.logSumExp(alongAxis: 1).scalars
        #expect(values == [-.infinity, .infinity, 2])
    }

    @Test func invalidAxisTraps() async {
        await #expect(processExitsWith: .failure) { _ = Tensor.ones([2, 3]).sum(alongAxis: 2) }
        await #expect(processExitsWith: .failure) { _ = Tensor.ones([2, 3]).max(alongAxis: -3) }
    }

    @Test func emptyReductions() {
        #expect(Tensor([]).sum().item() == 0)
        expectTensor(Tensor.zeros([2, 0]).sum(alongAxis: 1), shape: [2], [0, 0])
    }
}
