import DiveCore
import DiveNN
import Testing

@Test func reductionsAverageSumOrKeepEveryElement() {
    let losses = Tensor([1, 2, 3, 6], shape: [2, 2])
    #expect(Reduction.mean.apply(to: losses).scalars == [3])
    #expect(Reduction.mean.apply(to: losses).shape == [])
    #expect(Reduction.sum.apply(to: losses).scalars == [12])
    #expect(Reduction.none.apply(to: losses).shape == [2, 2])
    #expect(Reduction.none.apply(to: losses).scalars == losses.scalars)
}
