import DiveExamples
import Testing

@Suite struct XORTests {
    @Test func twoHiddenUnitsLearnXORFromTheChosenSeed() throws {
        let result = try run("xor", quietOptions())
        #expect(result["predictions"] == .integers([0, 1, 1, 0]))
        #expect(try #require(result.number("final_loss")) < 0.2)
        // Some starts leave a ReLU unit dead on all four points: not every seed learns.
        let learned = try #require(result.number("seeds_learned"))
        #expect(learned >= 1 && learned < 20)
    }

    @Test func eightHiddenUnitsLearnFromEverySeed() throws {
        let result = try run("xor", quietOptions(hiddenUnits: 8))
        #expect(result["predictions"] == .integers([0, 1, 1, 0]))
        #expect(result.number("seeds_learned") == 20)
    }
}
