import DiveCore
import DiveNN
import Testing

@Suite struct LinearTests {
    @Test func forwardIsInputTimesWeightTransposedPlusBias() {
        let linear = Linear(inputSize: 3, outputSize: 2, seed: 0)
        linear.weight.value = Tensor([1, 2, 3, 0, -1, 1], shape: [2, 3])
        linear.bias?.value = Tensor([0.5, -0.5])
        let y = linear(Tensor([1, 1, 1, 2, 0, -1], shape: [2, 3]))
        #expect(y.shape == [2, 2])
        #expect(y.scalars == [6.5, -0.5, -0.5, -1.5])
    }

    @Test func shapesFollowPyTorch() {
        let linear = Linear(inputSize: 784, outputSize: 256, seed: 0)
        #expect(linear.weight.shape == [256, 784])
        #expect(linear.bias?.shape == [256])
        #expect(linear.inputSize == 784 && linear.outputSize == 256)
        #expect(Linear(inputSize: 4, outputSize: 3, bias: false, seed: 0).bias == nil)
        #expect(linear(Tensor.zeros([5, 784])).shape == [5, 256])
        #expect(linear(Tensor.zeros([2, 5, 784])).shape == [2, 5, 256])
    }

    @Test func defaultInitialisationIsUniformWithinOneOverSquareRootOfFanIn() {
        let linear = Linear(inputSize: 100, outputSize: 50, seed: 3)
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
        let a = Linear(inputSize: 5, outputSize: 4, seed: 11), b = Linear(inputSize: 5, outputSize: 4, seed: 11)
        #expect(a.weight.value.scalars == b.weight.value.scalars)
        #expect(a.bias!.value.scalars == b.bias!.value.scalars)
        #expect(Linear(inputSize: 5, outputSize: 4, seed: 12).weight.value.scalars != a.weight.value.scalars)
    }

    @Test func describesItself() {
        #expect("\(Linear(inputSize: 784, outputSize: 10, seed: 0))" == "Linear(inputSize: 784, outputSize: 10)")
        #expect("\(Linear(inputSize: 2, outputSize: 1, bias: false, seed: 0))"
            == "Linear(inputSize: 2, outputSize: 1, bias: false)")
    }

    @Test func aWrongInputSizeTrapsWithBothShapes() async {
        await #expect(processExitsWith: .failure) {
            _ = Linear(inputSize: 3, outputSize: 2, seed: 0)(Tensor.zeros([4, 5]))
        }
    }
}
