import DiveExamples
import Testing

@Suite struct ModelSelectionTests {
    @Test func cubicFitsLinearUnderfitsHighOrderOverfits() throws {
        let result = try run("model-selection", quietOptions())
        let cubic = try #require(result.numbers("cubic_weights"))
        for (weight, truth) in zip(cubic, [5, 1.2, -3.4, 5.6]) { #expect(abs(weight - truth) < 0.1) }   // measured ≤ 0.053
        let cubicTest = try #require(result.number("cubic_test_loss"))
        // The noise variance 0.01 is the best test loss any fit can reach.
        #expect(cubicTest < 0.02)
        #expect(try #require(result.number("linear_test_loss")) > 10 * cubicTest)
        #expect(try #require(result.number("linear_train_loss")) > 10 * cubicTest)
        // With all 20 features the training loss falls below the test loss.
        let highOrderTrain = try #require(result.number("high_order_train_loss"))
        #expect(try #require(result.number("high_order_test_loss")) > highOrderTrain)
        #expect(result.numbers("high_order_weights")?.count == 20)
    }
}
