import DiveExamples
import Testing

/// Reduced runs, as for the from-scratch version: 8000 training images, 2000 test images,
/// 3 epochs; loss about 0.75, test accuracy 0.73–0.76 across seeds.
@Suite(.enabled(if: fashionMNISTIsAvailable, "needs Fashion-MNIST"))
struct SoftmaxRegressionTests {
    @Test func learnsFashionMNIST() throws {
        let result = try run("softmax-regression", quietOptions(epochs: 3, trainingExamples: 8000, testExamples: 2000))
        #expect(try #require(result.number("train_loss")) < 0.85)
        #expect(try #require(result.number("test_acc")) > 0.65)
        #expect(try #require(result.number("test_loss")) < 1)
    }

    @Test func matchesTheFromScratchVersion() throws {
        // Same data, batch order and learning rate; the two differ only in their initial weights.
        let options = quietOptions(epochs: 3, trainingExamples: 8000, testExamples: 2000)
        let concise = try #require(try run("softmax-regression", options).number("train_loss"))
        let scratch = try #require(try run("softmax-regression-scratch", options).number("train_loss"))
        #expect(abs(concise - scratch) < 0.02)
    }
}
