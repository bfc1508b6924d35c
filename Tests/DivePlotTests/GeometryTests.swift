import Testing
@testable import DivePlot

@Suite struct GeometryTests {
    @Test func rectangleContainsItsBorder() {
        let rect = Rect(x: 1, y: 2, width: 3, height: 4)
        #expect(rect.contains(Point(x: 1, y: 2)) && rect.contains(Point(x: 4, y: 6)))
        #expect(!rect.contains(Point(x: 4.01, y: 3)))
    }

    @Test func dashPatternsScaleWithTheWidth() {
        #expect(LineStyle.solid.dashPattern(width: 2).isEmpty)
        for style in LineStyle.allCases where style != .solid {
            #expect(style.dashPattern(width: 4) == style.dashPattern(width: 2).map { $0 * 2 })
        }
    }
}
