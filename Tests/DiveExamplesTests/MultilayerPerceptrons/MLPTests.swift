import DiveExamples
import Testing

/// Reduced runs, as for the from-scratch version: loss about 0.97, test accuracy 0.58–0.68.
@Suite(.enabled(if: fashionMNISTIsAvailable, "needs Fashion-MNIST"))
struct MLPTests {
    @Test func learnsFashionMNIST() throws {
        let result = try run("mlp", quietOptions(epochs: 3, trainingExamples: 8000, testExamples: 2000))
        #expect(try #require(result.number("train_loss")) < 1.1)
        #expect(try #require(result.number("test_acc")) > 0.5)
        #expect(try #require(result.number("test_loss")) < 1.3)
    }
}
