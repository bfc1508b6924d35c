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
        for y in 0..<8 {
            for x in 0..<12 {
                let expected = Color(gray: image[x / 4, y / 4])
                #expect(try png.pixel(Int(frame.x) + x, Int(frame.y) + y) == expected)
            }
        }
    }

    @Test func gridHasRowsOfColumnsWithRoomForTheWidestTitle() {
        let grid = ImageGrid(images: Array(repeating: image, count: 5), titles: ["a", "b", "ankle boot", "d", "e"], columns: 3)
        let cells = frames(grid)
        #expect(cells.count == 5)
        #expect(Set(cells.prefix(3).map(\.y)).count == 1 && cells[3].y > cells[0].y && cells[3].x == cells[0].x)
        let titleWidth = BitmapFont.width(of: "ankle boot", scale: ImageGrid.textScale)
        #expect(cells[1].x - cells[0].x == titleWidth + ImageGrid.gap)
        let scene = grid.scene()
        #expect(Double(scene.width) == ImageGrid.gap + 3 * (titleWidth + ImageGrid.gap))
    }

    @Test func titlesSplitIntoLinesAndHighlightedOnesAreRed() {
        let grid = ImageGrid(images: [image, image], titles: ["coat\nshirt", "bag\nbag"], columns: 2, highlighted: [0])
        let texts = grid.scene().items.compactMap { item -> (String, Color)? in
            if case let .text(text, _, _, color, _, _) = item { return (text, color) } else { return nil }
        }
        #expect(texts.map(\.0) == ["coat", "shirt", "bag", "bag"])
        #expect(texts.map(\.1) == [.alert, .alert, .ink, .ink])
    }

    @Test func highlightedTitleIsRedInThePNG() throws {
        let grid = ImageGrid(images: [image, image], titles: ["x", "y"], columns: 2, highlighted: [1])
        let png = try DecodedPNG(grid.png())
        let half = png.width / 2
        let redColumns = try (0..<png.width).filter { x in try (0..<png.height).contains { try png.pixel(x, $0) == .alert } }
        #expect(!redColumns.isEmpty && redColumns.allSatisfy { $0 >= half })
    }

    @Test func byteImagesOfOneSize() {
        let grid = ImageGrid(pixels: [[UInt8](repeating: 255, count: 784)], width: 28, height: 28, columns: 8)
        #expect(frames(grid) == [Rect(x: 12, y: 12, width: 84, height: 84)])
        #expect(grid.scene().width == 108 && grid.scene().height == 108)
    }

    @Test func titleCountMustMatch() async {
        await #expect(processExitsWith: .failure) {
            _ = ImageGrid(images: [GrayscaleImage(width: 1, height: 1, pixels: [0])], titles: ["a", "b"], columns: 1)
        }
    }
}
