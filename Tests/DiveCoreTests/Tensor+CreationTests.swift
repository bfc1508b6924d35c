import Testing
import DiveCore
import DiveTestSupport

@Suite struct TensorCreationTests {
    @Test func filledTensors() {
        expectTensor(Tensor.zeros([2, 2]), shape: [2, 2], [0, 0, 0, 0])
        expectTensor(Tensor.ones([3]), shape: [3], [1, 1, 1])
        expectTensor(Tensor.full(2.5, shape: [1, 2]), shape: [1, 2], [2.5, 2.5])
        expectTensor(Tensor.full(4, shape: []), shape: [], [4])
        expectTensor(Tensor([1, 2, 3]).T.zerosLike(), shape: [3], [0, 0, 0])
        let like = Tensor([1, 2]).requiringGrad().onesLike()
        #expect(like.scalars == [1, 1] && !like.requiresGrad)
    }

    @Test func arangeAndLinspace() {
        expectTensor(Tensor.arange(to: 4), shape: [4], [0, 1, 2, 3])
        expectTensor(Tensor.arange(from: 1, to: 2, step: 0.25), shape: [4], [1, 1.25, 1.5, 1.75])
        expectTensor(Tensor.arange(from: 3, to: 0, step: -1), shape: [3], [3, 2, 1])
        expectTensor(Tensor.arange(from: 3, to: 0), shape: [0], [])
        expectTensor(Tensor.linspace(from: 0, to: 1, count: 5), shape: [5], [0, 0.25, 0.5, 0.75, 1])
        expectTensor(Tensor.linspace(from: 2, to: 3, count: 1), shape: [1], [2])
        expectTensor(Tensor.linspace(from: 2, to: 3, count: 0), shape: [0], [])
        #expect(Tensor.linspace(from: -3, to: 0.7, count: 37).scalars.last == 0.7)
    }

    @Test func arangeWithZeroStepTraps() async {
        await #expect(processExitsWith: .failure) { _ = Tensor.arange(from: 0, to: 1, step: 0) }
    }

    @Test func sameSeedGivesIdenticalTensors() {
        #expect(Tensor.randn([5, 7], seed: 1).scalars == Tensor.randn([5, 7], seed: 1).scalars)
        #expect(Tensor.uniform([5, 7], seed: 1).scalars == Tensor.uniform([5, 7], seed: 1).scalars)
        var a = RandomGenerator(seed: 9), b = RandomGenerator(seed: 9)
        #expect(Tensor.bernoulli([50], probability: 0.3, using: &a).scalars
                == Tensor.bernoulli([50], probability: 0.3, using: &b).scalars)
        // A shared generator moves on: consecutive draws differ.
        #expect(Tensor.randn([9], using: &a).scalars != Tensor.randn([9], using: &a).scalars)
    }

    @Test func differentSeedsGiveDifferentTensors() {
        #expect(Tensor.randn([5, 7], seed: 1).scalars != Tensor.randn([5, 7], seed: 2).scalars)
        #expect(Tensor.uniform([5, 7], seed: 1).scalars != Tensor.uniform([5, 7], seed: 2).scalars)
        var a = RandomGenerator(seed: 1), b = RandomGenerator(seed: 2)
        #expect(Tensor.bernoulli([50], probability: 0.5, using: &a).scalars
                != Tensor.bernoulli([50], probability: 0.5, using: &b).scalars)
    }

    @Test func seedAndGeneratorFormsAgree() {
        var generator = RandomGenerator(seed: 5)
        #expect(Tensor.randn([4], mean: 1, std: 2, using: &generator).scalars
                == Tensor.randn([4], mean: 1, std: 2, seed: 5).scalars)
    }

    @Test func randnHasTheRequestedMeanAndStandardDeviation() {
        let values = Tensor.randn([100_000], mean: 2, std: 3, seed: 11).scalars
        let mean = values.reduce(0, +) / Float(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Float(values.count)
        // Standard errors: 3 / √100 000 ≈ 0.0095 for the mean, about 0.007 for the deviation.
        #expect(Swift.abs(mean - 2) < 0.05)
        #expect(Swift.abs(variance.squareRoot() - 3) < 0.05)
        let within = values.filter { Swift.abs($0 - 2) < 3 }.count
        #expect(Swift.abs(Float(within) / 100_000 - 0.6827) < 0.01)
        #expect(Tensor.randn([3], seed: 1).count == 3)  // odd counts fill every element
    }

    @Test func uniformStaysInItsRange() {
        let values = Tensor.uniform([100_000], in: -2...3, seed: 12).scalars
        #expect(values.allSatisfy { $0 >= -2 && $0 < 3 })
        #expect(Swift.abs(values.reduce(0, +) / 100_000 - 0.5) < 0.05)
        #expect(values.min()! < -1.99 && values.max()! > 2.99)
    }

    @Test func bernoulliHasTheRequestedRate() {
        var generator = RandomGenerator(seed: 13)
        let mask = Tensor.bernoulli([100_000], probability: 0.3, using: &generator).scalars
        #expect(mask.allSatisfy { $0 == 0 || $0 == 1 })
        #expect(Swift.abs(mask.reduce(0, +) / 100_000 - 0.3) < 0.01)
        #expect(Tensor.bernoulli([10], probability: 0, using: &generator).scalars.allSatisfy { $0 == 0 })
        #expect(Tensor.bernoulli([10], probability: 1, using: &generator).scalars.allSatisfy { $0 == 1 })
    }

    @Test func bernoulliOutsideZeroToOneTraps() async {
        await #expect(processExitsWith: .failure) {
            var generator = RandomGenerator(seed: 1)
            _ = Tensor.bernoulli([2], probability: 1.5, using: &generator)
        }
    }
}
