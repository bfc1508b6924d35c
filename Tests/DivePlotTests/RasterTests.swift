import Testing
@testable import DivePlot

@Suite struct RasterTests {
    @Test func fillCoversExactlyTheIntegerRectangle() {
        var raster = Raster(width: 6, height: 5)
        raster.fill(Rect(x: 1, y: 2, width: 3, height: 2), with: .black)
        for y in 0..<5 {
            for x in 0..<6 {
                let inside = (1..<4).contains(x) && (2..<4).contains(y)
                #expect(raster[x, y] == (inside ? .black : .white), "pixel (\(x), \(y))")
            }
        }
    }

    @Test func textDrawsTheGlyphsPixels() {
        var raster = Raster(width: 12, height: 10)
        raster.draw("F", at: Point(x: 1, y: 0), scale: 1, color: .black)
        for row in 0..<9 {
            for column in 0..<5 {
                let expected: Color = BitmapFont.hasInk("F", column: column, row: row) ? .black : .white
                #expect(raster[1 + column, row] == expected)
            }
        }
        #expect(raster[0, 0] == .white)
    }

    @Test func scaledTextUsesSquareBlocks() {
        var raster = Raster(width: 12, height: 20)
        raster.draw("L", at: Point(x: 0, y: 0), scale: 2, color: .black)
        // 'L' has its vertical stroke in column 0 and its foot in row 6.
        #expect(raster[0, 0] == .black && raster[1, 1] == .black && raster[2, 0] == .white)
        #expect(raster[9, 12] == .black && raster[9, 13] == .black && raster[9, 11] == .white)
    }

    @Test func rotatedTextReadsBottomToTop() {
        var raster = Raster(width: 12, height: 12)
        raster.draw("L", at: Point(x: 0, y: 10), scale: 1, color: .black, rotated: true)
        // The stroke of 'L' (column 0, rows 0...6) becomes a row just above y = 10, from x = 0 to 6;
        // its foot (row 6) becomes column 6, going up.
        for x in 0...6 { #expect(raster[x, 9] == .black) }
        for y in 5...9 { #expect(raster[6, y] == .black) }
        #expect(raster[0, 8] == .white)
    }

    @Test func anchorsShiftTheText() {
        var start = Raster(width: 40, height: 10), middle = start, end = start
        start.draw("II", at: Point(x: 20, y: 0), scale: 1, color: .black, anchor: .start)
        middle.draw("II", at: Point(x: 20, y: 0), scale: 1, color: .black, anchor: .middle)
        end.draw("II", at: Point(x: 20, y: 0), scale: 1, color: .black, anchor: .end)
        // 'I' has ink in column 1 of row 0.
        #expect(start[21, 0] == .black && middle[15, 0] == .black && end[9, 0] == .black)
    }

    @Test func imageIsScaledWithNearestNeighbours() {
        var raster = Raster(width: 10, height: 10)
        let image = GrayscaleImage(width: 2, height: 2, pixels: [0, 255, 128, 64])
        raster.draw(image, in: Rect(x: 2, y: 2, width: 6, height: 6))
        #expect(raster[2, 2] == .black && raster[4, 4] == .black)
        #expect(raster[5, 2] == .white && raster[7, 4] == .white)
        #expect(raster[3, 6] == Color(gray: 128 / 255) && raster[7, 7] == Color(gray: 64 / 255))
        #expect(raster[1, 1] == .white && raster[8, 8] == .white)
    }
}
