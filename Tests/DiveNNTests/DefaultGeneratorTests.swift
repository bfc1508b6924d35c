import DiveCore
import DiveNN
import Testing

@Suite struct DefaultGeneratorTests {
    @Test func aSeededScopeGivesTheWeightsOfAnExplicitGeneratorOfThatSeed() {
        var generator = RandomGenerator(seed: 21)
        let explicit = (Linear(inputSize: 3, outputSize: 2, generator: &generator),
                        Linear(inputSize: 2, outputSize: 2, generator: &generator))
        let scoped = withRandomSeed(21) { (Linear(inputSize: 3, outputSize: 2), Linear(inputSize: 2, outputSize: 2)) }
        #expect(scoped.0.weight.value.scalars == explicit.0.weight.value.scalars)
        #expect(scoped.1.weight.value.scalars == explicit.1.weight.value.scalars)
        #expect(scoped.1.bias?.value.scalars == explicit.1.bias?.value.scalars)
    }

    @Test func layersMadeInTurnDiffer() {
        let (a, b) = withRandomSeed(3) { (Linear(inputSize: 4, outputSize: 4), Linear(inputSize: 4, outputSize: 4)) }
        #expect(a.weight.value.scalars != b.weight.value.scalars)
    }

    @Test func anInnerScopeLeavesTheOuterSequenceAsItWas() {
        let plain = withRandomSeed(5) { (Linear(inputSize: 2, outputSize: 2), Linear(inputSize: 2, outputSize: 2)) }
        let nested = withRandomSeed(5) {
            let first = Linear(inputSize: 2, outputSize: 2)
            _ = withRandomSeed(99) { Linear(inputSize: 8, outputSize: 8) }
            return (first, Linear(inputSize: 2, outputSize: 2))
        }
        #expect(nested.1.weight.value.scalars == plain.1.weight.value.scalars)
    }

    @Test func initializeWithoutAGeneratorDrawsFromTheScope() {
        let model = Sequential(Linear(inputSize: 3, outputSize: 2))
        withRandomSeed(8) { model.initialize(weights: .normal(mean: 0, std: 1)) }
        var generator = RandomGenerator(seed: 8)
        #expect(model[0, as: Linear.self].weight.value.scalars == Tensor.randn([2, 3], using: &generator).scalars)
        #expect(model[0, as: Linear.self].bias?.value.scalars == [0, 0])
    }
}
