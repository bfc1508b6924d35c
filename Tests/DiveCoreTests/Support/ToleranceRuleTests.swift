import DiveTestSupport
import Testing

/// The one tolerance rule of DiveTestSupport: absolute up to 1, relative above.
@Suite struct ToleranceRuleTests {
    @Test func smallValuesAreComparedAbsolutely() {
        let half: Float = 0.5, zero: Float = 0
        #expect(isClose(half, 0.500009))
        #expect(!isClose(half, 0.50002))
        #expect(isClose(zero, 1e-6) && !isClose(zero, 1e-4))
    }

    @Test func largeValuesAreComparedRelatively() {
        let thousand: Float = 1000, twoMillion: Float = -2e6
        #expect(isClose(thousand + 0.005, 1000))
        #expect(!isClose(thousand + 0.02, 1000))
        #expect(isClose(twoMillion - 10, -2e6))
        #expect(isClose(0.97, 0.956, tolerance: 0.03) && !isClose(0.91, 0.956, tolerance: 0.03), "doubles too")
    }
}
