import Testing
@testable import DivePlot

@Suite struct SceneTests {
    @Test func pngHasTwiceThePixelsAndLaterItemsOnTop() throws {
        let scene = Scene(width: 4, height: 4, background: .black, items: [
            .rectangle(Rect(x: 0, y: 0, width: 3, height: 3), fill: .white),
            .rectangle(Rect(x: 1, y: 1, width: 3, height: 3), fill: .alert),
        ])
        let png = try DecodedPNG(scene.png())
        #expect(png.width == 8 && png.height == 8)
        #expect(png.pixel(0, 0) == .white && png.pixel(3, 3) == .alert && png.pixel(7, 0) == .black)
    }

    @Test func textIsDrawnAntiAliasedInDejaVuSans() throws {
        let text = Scene.Item.text("Loss", baseline: Point(x: 10, y: 30), font: .body, color: .black, anchor: .start,
                                   rotated: false)
        let png = try DecodedPNG(Scene(width: 60, height: 40, items: [text]).png())
        let inked = png.count(notEqualTo: .white, columns: 20..<(20 + 2 * Int(Font.body.width(of: "Loss"))), rows: 30..<60)
        #expect(inked > 100)
        // Anti-aliasing leaves gray edge pixels, neither black nor white.
        let grays = (0..<png.height).flatMap { y in (0..<png.width).map { png.pixel($0, y) } }
            .filter { $0 != .white && $0 != .black }
        #expect(grays.count > 20)
    }

    @Test func pdfIsAOnePageDocument() {
        let pdf = Scene(width: 100, height: 50).pdf()
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
        #expect(String(decoding: pdf, as: UTF8.self).contains("/Type /Page"))
    }
}
