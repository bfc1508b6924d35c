import DiveExamples
import Testing

@Suite struct NumericalStabilityTests {
    @Test func sigmoidGradientsVanish() throws {
        let result = try run("numerical-stability", quietOptions())
        #expect(try #require(result.number("sigmoid_grad_at_8")) < 1e-3)
        #expect(try #require(result.number("sigmoid_grad_at_minus_8")) < 1e-3)
        #expect(abs(try #require(result.number("sigmoid_grad_max")) - 0.25) < 1e-4)
    }

    @Test(arguments: [0, 1, 2] as [UInt64])
    func productsOfRandomMatricesExplode(seed: UInt64) throws {
        let result = try run("numerical-stability", quietOptions(seed: seed))
        #expect(try #require(result.number("product_largest_entry")) > 1e15)
        #expect(result["product_is_finite"] == .flag(true))
    }
}
