import Testing
import DiveCore

@Suite struct TensorDescriptionTests {
    @Test func smallTensors() {
        #expect(Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3]).description == "Tensor([2, 3], [[1, 2, 3], [4, 5, 6]])")
        #expect(Tensor([0.5, -2]).description == "Tensor([2], [0.5, -2])")
        #expect(Tensor(3).description == "Tensor([], 3)")
        #expect(Tensor([]).description == "Tensor([0], [])")
    }

    @Test func viewsPrintInViewOrder() {
        #expect(Tensor([1, 2, 3, 4], shape: [2, 2]).T.description == "Tensor([2, 2], [[1, 3], [2, 4]])")
    }

    @Test func requiresGradIsShown() {
        #expect(Tensor([1]).requiringGrad().description == "Tensor([1], [1], requiresGrad)")
    }

    @Test func specialValues() {
        #expect(Tensor([.infinity, -.infinity, .nan, 1e8]).description == "Tensor([4], [inf, -inf, nan, 1e+08])")
    }

    @Test func longAxesAreElided() {
        #expect(Tensor.arange(to: 10).description == "Tensor([10], [0, 1, 2, …, 7, 8, 9])")
        let big = Tensor.arange(to: 1000).reshaped(100, 10)
        let text = big.description
        #expect(text.hasPrefix("Tensor([100, 10], [[0, 1, 2, …, 7, 8, 9], [10, 11, 12, …, 17, 18, 19], [20, "))
        #expect(text.hasSuffix("[990, 991, 992, …, 997, 998, 999]])"))
        #expect(text.count < 300)
        #expect(Tensor.arange(to: 6).description == "Tensor([6], [0, 1, 2, 3, 4, 5])")
    }
}
