import Testing
@testable import DivePlot

@Suite struct ImageGridTests {
    let image = GrayscaleImage(width: 3, height: 2, pixels: [0, 40, 80, 120, 160, 255])

    func frames(_ grid: ImageGrid) -> [Rect] {
        grid.scene().items.compactMap { item -> Rect? in
            if case let .image(_, frame) = item { return frame } else { return nil }
        }
    }

    @Test func cellHoldsTheImageScaledUp() throws {
        let grid = ImageGrid(images: [image], titles: ["shirt\nshirt"], columns: 1, scale: 4)
        let frame = try #require(frames(grid).first)
        #expect(frame.width == 12 && frame.height == 8)
        let png = try DecodedPNG(grid.png())
        // At twice the density each image pixel covers 8 x 8 PNG pixels; its centre keeps its gray.
        for y in 0..<2 {
            for x in 0..<3 {
                let expected = Int(Color(gray: image[x, y]).red)
                let found = Int(png.pixel(Int(2 * frame.x) + 8 * x + 4, Int(2 * frame.y) + 8 * y + 4).red)
                #expect(abs(found - expected) <= 12, "pixel (\(x), \(y))")
            }
        }
    }

    @Test func gridHasRowsOfColumnsWithRoomForTheWidestTitle() {
        let grid = ImageGrid(images: Array(repeating: image, count: 5), titles: ["a", "b", "ankle boot", "d", "e"], columns: 3)
        let cells = frames(grid)
        #expect(cells.count == 5)
        #expect(Set(cells.prefix(3).map(\.y)).count == 1 && cells[3].y > cells[0].y && cells[3].x == cells[0].x)
        // The widest title plus a margin of one em, so that neighbouring titles never touch.
        let cellWidth = (Font.body.width(of: "ankle boot") + Font.body.size).rounded(.up)
        #expect(abs(cells[1].x - cells[0].x - (cellWidth + ImageGrid.gap)) <= 1)
        #expect(Double(grid.scene().width) == ImageGrid.gap + 3 * (cellWidth + ImageGrid.gap))
    }

    @Test func titlesSplitIntoLinesAndHighlightedOnesAreRed() {
        let grid = ImageGrid(images: [image, image], titles: ["coat\nshirt", "bag\nbag"], columns: 2, highlighted: [0])
        let texts = grid.scene().items.compactMap { item -> (String, Color)? in
            if case let .text(text, _, _, color, _, _) = item { return (text, color) } else { return nil }
        }
        #expect(texts.map(\.0) == ["coat", "shirt", "bag", "bag"])
        #expect(texts.map(\.1) == [.ink, .alert, .ink, .ink])
    }

    @Test func highlightedTitleIsRedInThePNG() throws {
        let grid = ImageGrid(images: [image, image], titles: ["x", "y"], columns: 2, highlighted: [1])
        let png = try DecodedPNG(grid.png())
        let half = png.width / 2
        let redColumns = (0..<png.width).filter { x in (0..<png.height).contains { png.pixel(x, $0) == .alert } }
        #expect(!redColumns.isEmpty && redColumns.allSatisfy { $0 >= half })
    }

    @Test func byteImagesOfOneSize() {
        let grid = ImageGrid(pixels: [[UInt8](repeating: 255, count: 784)], width: 28, height: 28, columns: 8)
        #expect(frames(grid) == [Rect(x: 12, y: 12, width: 84, height: 84)])
        #expect(grid.scene().width == 108 && grid.scene().height == 108)
    }

    @Test func predictionsHaveAKeyAndMarkOnlyWrongGuesses() {
        let grid = ImageGrid.predictions(images: [image, image], trueLabels: ["coat", "bag"],
                                         predictedLabels: ["shirt", "bag"])
        #expect(grid.key.contains("true label") && grid.key.contains("predicted"))
        #expect(grid.cells.map(\.title) == ["coat\nshirt", "bag\nbag"])
        #expect(grid.cells.map(\.isHighlighted) == [true, false])
        let texts = grid.scene().items.compactMap { item -> String? in
            if case let .text(text, _, _, _, _, _) = item { return text } else { return nil }
        }
        #expect(texts.first == grid.key)
    }

    @Test func titleCountMustMatch() async {
        await #expect(processExitsWith: .failure) {
            _ = ImageGrid(images: [GrayscaleImage(width: 1, height: 1, pixels: [0])], titles: ["a", "b"], columns: 1)
        }
    }
}
