@testable import DiveExamples
import Dive
import DiveTestSupport
import Testing

@Suite struct DropoutLayerTests {
    @Test func probabilityZeroKeepsAndOneDropsEverything() {
        var generator = RandomGenerator(seed: 0)
        let x = Tensor.arange(to: 16).reshaped([2, 8])
        #expect(dropoutLayer(x, 0, using: &generator).scalars == x.scalars)
        #expect(dropoutLayer(x, 1, using: &generator).scalars == Array(repeating: 0, count: 16))
    }

    @Test func survivorsAreScaledSoTheMeanIsKept() {
        var generator = RandomGenerator(seed: 0)
        let dropped = dropoutLayer(Tensor.ones([100, 100]), 0.5, using: &generator).scalars
        #expect(Set(dropped) == [0, 2])
        let kept = Double(dropped.count { $0 != 0 }) / Double(dropped.count)
        #expect(abs(kept - 0.5) < 0.03)
    }

    @Test func theNetworkDropsOnlyInTrainingMode() {
        var generator = RandomGenerator(seed: 0)
        let net = DropoutNet(inputs: 4, outputs: 3, hidden1: 64, hidden2: 64, dropout1: 0.5, dropout2: 0.5,
                             generator: &generator)
        let x = Tensor.uniform([5, 4], using: &generator)
        #expect(net(x).scalars != net(x).scalars)
        net.eval()
        #expect(net(x).scalars == net(x).scalars)
        #expect(net.parameters.count == 6)
    }
}

/// Reduced runs: 8000 training images, 2000 test images, 3 epochs; with the example's seed,
/// measured train loss 0.856 and test accuracy 0.609 (loss 0.79–0.85 and accuracy 0.60–0.74
/// across seeds). The book's full run reaches a test accuracy near 0.85.
@Suite(.enabled(if: fashionMNISTIsAvailable, "needs Fashion-MNIST"))
struct DropoutScratchTests {
    @Test func learnsFashionMNIST() throws {
        let result = try run("dropout-scratch", quietOptions(epochs: 3, trainingExamples: 8000, testExamples: 2000))
        expectClose(try #require(result.number("train_loss")), 0.856, tolerance: 0.03)
        expectClose(try #require(result.number("test_acc")), 0.609, tolerance: 0.02)
    }
}
