import Foundation
import Testing
@testable import DivePlot

@Suite struct SceneSVGTests {
    let x = Array(stride(from: Float(-8), through: 8, by: 0.5))

    @Test func chartIsWellFormedXMLWithItsSeriesAndLabels() throws {
        let chart = LineChart(x: x, series: [Series(x.map { max($0, 0) }, label: "ReLU"),
                                             Series(x.map { 1 / (1 + exp(-$0)) }, label: "sigmoid", style: .dashed)],
                              title: "Activations", xLabel: "x", yLabel: "f(x)")
        let svg = try XMLElements(chart.svg())
        let root = try #require(svg.elements.first)
        #expect(root.name == "svg" && root.attributes["width"] == "640" && root.attributes["height"] == "480")
        let texts = svg.named("text").map(\.text)
        for expected in ["ReLU", "sigmoid", "Activations", "x", "f(x)", "−8", "8"] {
            #expect(texts.contains(expected), "text \(expected)")
        }
        #expect(svg.named("style").first?.text.contains("'DejaVu Sans'") == true)
        let strokes = svg.named("polyline").compactMap { $0.attributes["stroke"] }
        #expect(strokes.filter { $0 == "#1f77b4" }.count == 2)   // the curve and its legend sample
        #expect(strokes.filter { $0 == "#ff7f0e" }.count == 2)
        #expect(svg.named("polyline").filter { $0.attributes["stroke-dasharray"] != nil }.count == 2)
        #expect(svg.named("clipPath").count == 1)
    }

    @Test func svgAndPNGShareTheLayout() throws {
        let chart = LineChart(x: [Float(-4), 4], series: [Series([Float(0), 4])])
        let svg = try XMLElements(chart.svg())
        let layout = chart.layout()
        let start = layout.position(x: -4, y: 0), end = layout.position(x: 4, y: 4)
        let points = try #require(svg.named("polyline").first { $0.attributes["clip-path"] != nil }?.attributes["points"])
        #expect(points == "\(svgNumber(start.x)),\(svgNumber(start.y)) \(svgNumber(end.x)),\(svgNumber(end.y))")
    }

    @Test func textIsEscaped() throws {
        let title = "a < b & \"c\" > 'd'"
        let svg = LineChart(x: x, series: [Series(x)], title: title + "\u{01}").svg()
        #expect(svg.contains("a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;"))
        #expect(try XMLElements(svg).named("text").contains { $0.text == title })
    }

    @Test func rotatedTextTurnsAboutItsAnchor() throws {
        let scene = Scene(width: 50, height: 50, items: [
            .text("up", baseline: Point(x: 10, y: 40), font: Font(size: 20, isBold: true), color: .ink, anchor: .middle,
                  rotated: true),
        ])
        let text = try #require(try XMLElements(scene.svg()).named("text").first)
        #expect(text.attributes["transform"] == "rotate(-90 10 40)")
        #expect(text.attributes["y"] == "40" && text.attributes["font-size"] == "20" && text.attributes["font-weight"] == "bold")
    }

    @Test func imagesAreEmbeddedPNGsAtTheirOwnSize() throws {
        let image = GrayscaleImage(width: 3, height: 2, pixels: [0, 50, 100, 150, 200, 250])
        let scene = Scene(width: 40, height: 40, items: [.image(image, frame: Rect(x: 5, y: 5, width: 30, height: 20))])
        let element = try #require(try XMLElements(scene.svg()).named("image").first)
        #expect(element.attributes["width"] == "30")
        let link = try #require(element.attributes["xlink:href"])
        let prefix = "data:image/png;base64,"
        #expect(link.hasPrefix(prefix))
        let png = try DecodedPNG([UInt8](try #require(Data(base64Encoded: String(link.dropFirst(prefix.count))))))
        #expect(png.width == 3 && png.height == 2)
        #expect(png.pixel(2, 1) == Color(gray: 250 / 255))
    }

    @Test func clipIdsTakeThePrefix() throws {
        let svg = LineChart(x: x, series: [Series(x)]).scene().svg(idPrefix: "curves-")
        #expect(try XMLElements(svg).named("clipPath").first?.attributes["id"] == "curves-clip0")
        #expect(svg.contains("url(#curves-clip0)"))
    }

    @Test func numbersAreShort() {
        #expect(svgNumber(12) == "12" && svgNumber(12.345) == "12.35" && svgNumber(-0.001) == "0")
    }
}
