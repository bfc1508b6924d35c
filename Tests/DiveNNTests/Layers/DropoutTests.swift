import DiveCore
import DiveNN
import Testing

@Suite struct DropoutTests {
    let ones = Tensor.ones([200, 500])

    @Test(arguments: [Float(0.2), 0.5, 0.9])
    func zeroesAboutPAndPreservesTheMean(_ p: Float) {
        let y = Dropout(probability: p, generator: RandomGenerator(seed: 1))(ones).scalars
        let zeroed = Float(y.filter { $0 == 0 }.count) / Float(y.count)
        #expect(abs(zeroed - p) < 0.01)
        let mean = y.reduce(0, +) / Float(y.count)
        #expect(abs(mean - 1) < 0.03)
        // The survivors are scaled by 1 / (1 - p).
        #expect(y.allSatisfy { $0 == 0 || abs($0 - 1 / (1 - p)) < 1e-5 })
    }

    @Test func evaluationModeIsTheIdentity() {
        let dropout = Dropout(probability: 0.5, generator: RandomGenerator(seed: 1))
        dropout.eval()
        let x = Tensor.randn([4, 6], seed: 2)
        #expect(dropout(x).scalars == x.scalars)
        dropout.train()
        #expect(dropout(x).scalars != x.scalars)
    }

    @Test func probabilityZeroIsTheIdentity() {
        let x = Tensor.randn([4, 6], seed: 2)
        #expect(Dropout(probability: 0, generator: RandomGenerator(seed: 1))(x).scalars == x.scalars)
    }

    @Test func theSameSeedGivesTheSameMasks() {
        let a = Dropout(probability: 0.5, generator: RandomGenerator(seed: 7)), b = Dropout(probability: 0.5, generator: RandomGenerator(seed: 7))
        let x = Tensor.ones([10, 10])
        let first = a(x).scalars
        #expect(first == b(x).scalars)
        let second = a(x).scalars
        #expect(second == b(x).scalars)
        #expect(first != second, "each call draws a fresh mask")
        #expect(Dropout(probability: 0.5, generator: RandomGenerator(seed: 8))(x).scalars != first)
    }

    @Test func twoLayersMadeInTurnDropDifferentElementsAndASeededScopeRepeatsThem() {
        let x = Tensor.ones([10, 10])
        let (a, b) = withRandomSeed(4) { (Dropout(probability: 0.5), Dropout(probability: 0.5)) }
        let (c, d) = withRandomSeed(4) { (Dropout(probability: 0.5), Dropout(probability: 0.5)) }
        let (maskA, maskB) = (a(x).scalars, b(x).scalars)
        #expect(maskA != maskB)
        #expect(c(x).scalars == maskA)
        #expect(d(x).scalars == maskB)
    }

    @Test func gradientsFlowThroughKeptElementsWithTheSameScale() {
        let x = Tensor.ones([20, 20]).requiringGrad()
        let y = Dropout(probability: 0.25, generator: RandomGenerator(seed: 3))(x)
        y.sum().backward()
        #expect(x.grad!.scalars == y.scalars)
    }

    @Test func describesItself() {
        #expect("\(Dropout(probability: 0.5))" == "Dropout(probability: 0.5)")
    }

    @Test func probabilityOneTraps() async {
        await #expect(processExitsWith: .failure) { _ = Dropout(probability: 1) }
    }

    @Test func negativeProbabilityTraps() async {
        await #expect(processExitsWith: .failure) { _ = Dropout(probability: -0.1) }
    }
}
