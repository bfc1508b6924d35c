import Testing
@testable import DivePlot

@Suite struct RasterStrokeTests {
    let blue = Color(hex: 0x1F77B4)

    @Test func horizontalStrokeOfWidthTwoCoversExactlyTwoRows() {
        var raster = Raster(width: 40, height: 20)
        raster.stroke([Point(x: 10, y: 10), Point(x: 30, y: 10)], color: blue, width: 2)
        for y in 0..<20 {
            #expect(raster[20, y] == ((9...10).contains(y) ? blue : .white), "row \(y)")
        }
        #expect(raster[5, 10] == .white)   // flat end: nothing before the start
    }

    @Test func diagonalStrokeIsAntiAliased() {
        var raster = Raster(width: 30, height: 30)
        raster.stroke([Point(x: 2, y: 3), Point(x: 28, y: 17)], color: .black, width: 1.5)
        let colors = Set((0..<30).flatMap { y in (0..<30).map { raster[$0, y] } })
        let partial = colors.filter { $0 != .black && $0 != .white }
        #expect(partial.count > 3)
        #expect(colors.contains(.black))
    }

    @Test func strokeLeavesPixelsOutsideTheClipAlone() {
        var raster = Raster(width: 20, height: 20)
        raster.stroke([Point(x: 0, y: 10), Point(x: 20, y: 10)], color: .black, width: 2,
                      clip: Rect(x: 5, y: 0, width: 10, height: 20))
        #expect(raster[4, 10] == .white && raster[15, 10] == .white)
        #expect(raster[5, 10] == .black && raster[14, 10] == .black)
    }

    @Test func overlappingPartsOfOnePolylineAreNotBlendedTwice() {
        var raster = Raster(width: 20, height: 20)
        let gray = Color(hex: 0x808080)
        raster.stroke([Point(x: 2, y: 10), Point(x: 18, y: 10), Point(x: 2, y: 10.2)], color: gray, width: 3)
        #expect(raster[10, 10] == gray)
    }

    @Test func dashedStrokeHasGapsWithThePatternsLengths() {
        var raster = Raster(width: 120, height: 10)
        raster.stroke([Point(x: 0, y: 5), Point(x: 120, y: 5)], color: .black, width: 2, style: .dashed)
        // dashed at width 2: 7.4 drawn, 3.2 skipped, so a period of 10.6 pixels
        let drawn = (0..<120).map { raster[$0, 5] != .white }
        let starts = (1..<120).filter { drawn[$0] && !drawn[$0 - 1] }
        #expect(starts.count >= 10 && starts.count <= 11)
        #expect(drawn.filter { $0 }.count > 70 && drawn.filter { $0 }.count < 95)
    }

    @Test func dashSplittingFollowsCorners() {
        let pieces = dashes(of: [Point(x: 0, y: 0), Point(x: 3, y: 0), Point(x: 3, y: 10)], pattern: [5, 2])
        #expect(pieces.count == 2)
        #expect(pieces[0] == [Point(x: 0, y: 0), Point(x: 3, y: 0), Point(x: 3, y: 2)])
        #expect(pieces[1] == [Point(x: 3, y: 4), Point(x: 3, y: 9)])
    }
}
