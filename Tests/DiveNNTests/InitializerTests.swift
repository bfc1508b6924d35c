import DiveCore
import DiveNN
import Testing
import DiveTestSupport

@Suite struct InitializerTests {
    /// Mean and standard deviation of a list of numbers.
    func moments(_ values: [Float]) -> (mean: Float, std: Float) {
        let mean = values.reduce(0, +) / Float(values.count)
        let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Float(values.count)
        return (mean, variance.squareRoot())
    }

    func sample(_ initializer: Initializer, fanIn: Int = 200, fanOut: Int = 300) -> [Float] {
        var generator = RandomGenerator(seed: 4)
        return initializer.sample([fanOut, fanIn], fanIn: fanIn, fanOut: fanOut, using: &generator).scalars
    }

    @Test func xavierUniformStaysWithinItsBoundAndFillsIt() {
        let bound = (6 / Float(500)).squareRoot()
        let values = sample(.xavierUniform)
        #expect(values.allSatisfy { abs($0) <= bound })
        #expect(values.max()! > 0.99 * bound && values.min()! < -0.99 * bound)
        #expect(abs(moments(values).std - bound / Float(3).squareRoot()) < 0.002)
    }

    @Test func xavierNormalHasTheGlorotStandardDeviation() {
        let (mean, std) = moments(sample(.xavierNormal))
        #expect(abs(mean) < 0.002)
        #expect(abs(std - (2 / Float(500)).squareRoot()) < 0.002)
    }

    @Test func kaimingUniformStaysWithinItsBound() {
        let bound = (6 / Float(200)).squareRoot()
        let values = sample(.kaimingUniform)
        #expect(values.allSatisfy { abs($0) <= bound })
        #expect(values.max()! > 0.99 * bound)
        #expect(abs(moments(values).std - (2 / Float(200)).squareRoot()) < 0.003)
    }

    @Test func kaimingNormalHasTheHeStandardDeviation() {
        let (mean, std) = moments(sample(.kaimingNormal))
        #expect(abs(mean) < 0.003)
        #expect(abs(std - 0.1) < 0.002)
    }

    @Test func normalAndUniformUseTheirArguments() {
        let (mean, std) = moments(sample(.normal(mean: 1, std: 0.01)))
        #expect(abs(mean - 1) < 0.001 && abs(std - 0.01) < 0.0005)
        let uniform = sample(.uniform(2...3))
        #expect(uniform.allSatisfy { $0 >= 2 && $0 < 3 })
        #expect(abs(moments(uniform).mean - 2.5) < 0.01)
    }

    @Test func zerosAndConstantAreExact() {
        #expect(sample(.zeros).allSatisfy { $0 == 0 })
        #expect(sample(.constant(0.5)).allSatisfy { $0 == 0.5 })
    }

    @Test func initializeReachesEveryLinearLikeTheBooksApply() {
        let first = withRandomSeed(0) { Linear(inputSize: 784, outputSize: 256) }
        let prelu = PReLU()
        let model = Sequential(Flatten(), first, prelu, Sequential(withRandomSeed(1) { Linear(inputSize: 256, outputSize: 10) }))
        let parametersBefore = model.parameters
        var generator = RandomGenerator(seed: 0)
        model.initialize(weights: .normal(mean: 0, std: 0.01), biases: .zeros, using: &generator)

        #expect(model.parameters.map(ObjectIdentifier.init) == parametersBefore.map(ObjectIdentifier.init))
        #expect(prelu.weight.value.scalars == [0.25], "only Linear layers are initialised")
        let weights = model.parameters[0].value.scalars + model.parameters[3].value.scalars
        #expect(abs(moments(weights).std - 0.01) < 0.0005)
        #expect(model.parameters[1].value.scalars.allSatisfy { $0 == 0 })
        #expect(model.parameters[4].value.scalars.allSatisfy { $0 == 0 })
        #expect(first.weight.value.requiresGrad)

        let again = Sequential(Flatten(), withRandomSeed(5) { Linear(inputSize: 784, outputSize: 256) }, PReLU(),
                               Sequential(withRandomSeed(6) { Linear(inputSize: 256, outputSize: 10) }))
        var sameSeed = RandomGenerator(seed: 0)
        again.initialize(weights: .normal(mean: 0, std: 0.01), using: &sameSeed)
        #expect(again.parameters.map(\.value.scalars) == model.parameters.map(\.value.scalars))
    }

    @Test func applyVisitsEveryLayerOnceAndTheTypedFormOnlyItsType() {
        let prelu = PReLU()
        let model = Sequential(Flatten(), Linear(inputSize: 4, outputSize: 3), Sequential(prelu, Linear(inputSize: 3, outputSize: 2)))
        var visited: [String] = []
        model.apply { visited.append("\(type(of: $0))") }
        #expect(visited == ["Sequential", "Flatten", "Linear", "Sequential", "PReLU", "Linear"])
        var sizes: [Int] = []
        model.apply(to: Linear.self) { sizes.append($0.outputSize) }
        #expect(sizes == [3, 2])
        model.apply(to: PReLU.self) { $0.weight.value = Tensor([0.1]) }
        #expect(prelu.weight.value.scalars == [0.1])
    }

    @Test func aFanBasedSchemeNeedsAPositiveFan() async {
        await #expect(processExitsWith: .failure) {
            var generator = RandomGenerator(seed: 0)
            _ = Initializer.kaimingNormal.sample([1], fanIn: 0, fanOut: 1, using: &generator)
        }
    }
}
