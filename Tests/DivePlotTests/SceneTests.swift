import Testing
@testable import DivePlot

@Suite struct SceneTests {
    @Test func laterItemsAreDrawnOnTop() {
        let scene = Scene(width: 4, height: 4, background: .black, items: [
            .rectangle(Rect(x: 0, y: 0, width: 3, height: 3), fill: .white),
            .rectangle(Rect(x: 1, y: 1, width: 3, height: 3), fill: .alert),
        ])
        let raster = scene.rasterized()
        #expect(raster[0, 0] == .white && raster[1, 1] == .alert && raster[3, 0] == .black)
    }

    @Test func pngIsTheRasterEncoded() {
        let scene = Scene(width: 3, height: 2, items: [.line(points: [Point(x: 0, y: 1), Point(x: 3, y: 1)],
                                                             color: .ink, width: 1, style: .solid, clip: nil)])
        #expect(scene.png() == PNG.encode(scene.rasterized()))
    }
}
