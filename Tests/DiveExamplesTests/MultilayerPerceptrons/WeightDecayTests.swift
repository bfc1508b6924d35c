import DiveExamples
import Testing

@Suite struct WeightDecayTests {
    @Test(arguments: ["scratch", "concise"])
    func weightDecayShrinksWeightsAndTestLoss(version: String) throws {
        let result = try run("weight-decay", quietOptions())
        let free = try #require(result.number("\(version)_lambda_0_w_norm"))
        let decayed = try #require(result.number("\(version)_lambda_3_w_norm"))
        #expect(free > 20 * decayed)
        let freeTestLoss = try #require(result.number("\(version)_lambda_0_test_loss"))
        #expect(try #require(result.number("\(version)_lambda_3_test_loss")) < freeTestLoss)
        // Without the penalty the 20 training points are fitted almost exactly.
        #expect(try #require(result.number("\(version)_lambda_0_train_loss")) < 1e-3)
    }
}
