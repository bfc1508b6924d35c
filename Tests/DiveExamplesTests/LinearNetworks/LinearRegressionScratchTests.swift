import DiveExamples
import Testing

@Suite struct LinearRegressionScratchTests {
    @Test func recoversTheTrueWeightsAndBias() throws {
        let result = try run("linear-regression-scratch", quietOptions())
        let losses = try #require(result.numbers("epoch_losses"))
        #expect(losses.count == 3)
        #expect(losses[0] > losses[2])
        // Half the noise variance, 0.01² / 2 = 5e-5, is the floor; the book ends near it.
        #expect(try #require(result.number("final_loss")) < 1e-4)
        for error in try #require(result.numbers("w_error")) { #expect(abs(error) < 0.005) }   // measured ≤ 0.0015
        #expect(abs(try #require(result.number("b_error"))) < 0.005)   // measured 0.0008
    }

    @Test func oneEpochIsNotEnough() throws {
        // After one epoch from w ≈ 0 the book's loss is still about 0.03: the bound above is
        // not met by training that stops early.
        let result = try run("linear-regression-scratch", quietOptions(epochs: 1))
        #expect(try #require(result.number("final_loss")) > 1e-3)
    }
}
