import DiveExamples
import Testing

@Suite struct LinearRegressionTests {
    @Test func recoversTheTrueWeightsAndBias() throws {
        let result = try run("linear-regression", quietOptions())
        // The printed loss is PyTorch's MSELoss, without the ½: its floor is the noise
        // variance 1e-4, so the bound of the from-scratch version applies to half of it.
        let meanSquaredError = try #require(result.number("final_loss"))
        #expect(meanSquaredError / 2 < 1e-4)
        #expect(result.number("final_squared_loss") == meanSquaredError / 2)
        for error in try #require(result.numbers("w_error")) { #expect(abs(error) < 0.005) }   // measured ≤ 0.0015
        #expect(abs(try #require(result.number("b_error"))) < 0.005)   // measured 0.0008
    }

    @Test func followsTheScratchVersionsResults() throws {
        let concise = try run("linear-regression", quietOptions())
        let scratch = try run("linear-regression-scratch", quietOptions())
        let w = try #require(concise.numbers("w")), wScratch = try #require(scratch.numbers("w"))
        for (a, b) in zip(w, wScratch) { #expect(abs(a - b) < 0.01) }
    }
}
