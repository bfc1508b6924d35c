import Testing
@testable import DivePlot

@Suite struct TicksTests {
    @Test(arguments: [(0.3, 0.5), (1.1, 2.0), (2.0, 2.0), (7.0, 10.0), (0.012, 0.02), (45.0, 50.0), (1e-4, 1e-4)])
    func stepsAreOneTwoOrFiveTimesAPowerOfTen(rough: Double, expected: Double) {
        #expect(abs(niceStep(rough) - expected) < expected * 1e-9)
    }

    @Test func unitIntervalGetsTenthsOrFifths() {
        let ticks = linearTicks(in: 0...1, targetCount: 6)
        #expect(ticks.map(\.label) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    @Test func symmetricRangeHasWholeNumbersAndNoNegativeZero() {
        let ticks = linearTicks(in: -8...8, targetCount: 9)
        #expect(ticks.map(\.label) == ["−8", "−6", "−4", "−2", "0", "2", "4", "6", "8"])
        #expect(linearTicks(in: -1...1, targetCount: 3).map(\.label) == ["−1", "0", "1"])
    }

    @Test func ticksStayInsideTheRange() {
        let ticks = linearTicks(in: 0.27...0.93, targetCount: 6)
        #expect(ticks.map(\.label) == ["0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"])
    }

    @Test func emptyRangeGivesOneTick() {
        #expect(linearTicks(in: 2...2, targetCount: 5).map(\.value) == [2])
    }

    @Test func logarithmicTicksArePowersOfTenOverManyDecades() {
        let ticks = logarithmicTicks(in: 1e-3...10)
        #expect(ticks.map(\.label) == ["10⁻³", "10⁻²", "10⁻¹", "10⁰", "10¹"])
    }

    @Test func logarithmicTicksAddTwoAndFiveOverFewDecades() {
        #expect(logarithmicTicks(in: 1...50).map(\.label) == ["10⁰", "2×10⁰", "5×10⁰", "10¹", "2×10¹", "5×10¹"])
    }

    @Test func hugeValuesUseExponentNotation() {
        #expect(tickLabel(1e8, step: 1e7) == "1e+08")
        #expect(tickLabel(0.25, step: 0.05) == "0.25")
        #expect(tickLabel(-1e-5, step: 1e-5) == "−0.00001")
    }

    @Test func integerTicksNeverFallBetweenWholeNumbers() {
        #expect(linearTicks(in: 1...2, targetCount: 6, integersOnly: true).map(\.label) == ["1", "2"])
        #expect(linearTicks(in: 1...2, targetCount: 6).map(\.label).count > 2)
    }
}
