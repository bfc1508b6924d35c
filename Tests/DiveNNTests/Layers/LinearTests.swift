import DiveCore
import DiveNN
import DiveTestSupport
import Testing

@Suite struct LinearTests {
    @Test func forwardIsInputTimesWeightTransposedPlusBias() {
        let linear = Linear(inputSize: 3, outputSize: 2)
        linear.weight.value = Tensor([1, 2, 3, 0, -1, 1], shape: [2, 3])
        linear.bias?.value = Tensor([0.5, -0.5])
        let y = linear(Tensor([1, 1, 1, 2, 0, -1], shape: [2, 3]))
        #expect(y.shape == [2, 2])
        #expect(y.scalars == [6.5, -0.5, -0.5, -1.5])
    }

    @Test func shapesFollowPyTorch() {
        let linear = Linear(inputSize: 784, outputSize: 256)
        #expect(linear.weight.shape == [256, 784])
        #expect(linear.bias?.shape == [256])
        #expect(linear.inputSize == 784 && linear.outputSize == 256)
        #expect(Linear(inputSize: 4, outputSize: 3, bias: false).bias == nil)
        #expect(linear(Tensor.zeros([5, 784])).shape == [5, 256])
    }

    @Test func aRank3InputIsEachRowOfEachBatchTransformed() {
        let linear = Linear(inputSize: 3, outputSize: 2)
        linear.weight.value = Tensor([[1, 2, 3], [0, -1, 1]])
        linear.bias?.value = Tensor([0.5, -0.5])
        let x = Tensor([[[1, 1, 1], [2, 0, -1]], [[0, 0, 0], [1, 0, 0]], [[0, 1, 0], [0, 0, 1]]])   // [3, 2, 3]
        let y = linear(x)
        // Row by row: [1, 1, 1] → [6.5, -0.5], [2, 0, -1] → [-0.5, -1.5], [0, 0, 0] → the bias, …
        expectTensor(y, shape: [3, 2, 2], [6.5, -0.5, -0.5, -1.5, 0.5, -0.5, 1.5, -0.5, 2.5, -1.5, 3.5, 0.5])
        expectTensor(y.reshaped(6, 2), shape: [6, 2], linear(x.reshaped(6, 3)).scalars)
    }

    @Test func defaultInitialisationIsUniformWithinOneOverSquareRootOfFanIn() {
        let linear = withRandomSeed(3) { Linear(inputSize: 100, outputSize: 50) }
        let bound: Float = 0.1
        let weights = linear.weight.value.scalars
        let biases = linear.bias!.value.scalars
        #expect(weights.allSatisfy { $0 >= -bound && $0 < bound })
        #expect(biases.allSatisfy { $0 >= -bound && $0 < bound })
        // Uniform on [-b, b) fills the range and has standard deviation b/√3.
        #expect(weights.max()! > 0.099 && weights.min()! < -0.099)
        let variance = weights.map { $0 * $0 }.reduce(0, +) / Float(weights.count)
        #expect(abs(variance.squareRoot() - bound / Float(3).squareRoot()) < 0.003)
    }

    @Test func theSameSeedGivesTheSameWeights() {
        let a = withRandomSeed(11) { Linear(inputSize: 5, outputSize: 4) }, b = withRandomSeed(11) { Linear(inputSize: 5, outputSize: 4) }
        #expect(a.weight.value.scalars == b.weight.value.scalars)
        #expect(a.bias!.value.scalars == b.bias!.value.scalars)
        #expect(withRandomSeed(12) { Linear(inputSize: 5, outputSize: 4) }.weight.value.scalars != a.weight.value.scalars)
    }

    @Test func describesItself() {
        #expect("\(Linear(inputSize: 784, outputSize: 10))" == "Linear(inputSize: 784, outputSize: 10, bias: true)")
        #expect("\(Linear(inputSize: 2, outputSize: 1, bias: false))"
            == "Linear(inputSize: 2, outputSize: 1, bias: false)")
    }

    @Test func aWrongInputSizeTrapsWithBothShapes() async {
        await #expect(processExitsWith: .failure) {
            _ = Linear(inputSize: 3, outputSize: 2)(Tensor.zeros([4, 5]))
        }
    }
}
