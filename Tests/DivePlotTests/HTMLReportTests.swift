import Foundation
import Testing
@testable import DivePlot

@Suite struct HTMLReportTests {
    let chart = LineChart(x: [Float(1), 2, 3], series: [Series([Float(0.5), 0.6, 0.7], label: "test acc")])
    let grid = ImageGrid(pixels: [[0, 255, 255, 0]], width: 2, height: 2, titles: ["bag"], columns: 1)

    func report() -> HTMLReport {
        HTMLReport(title: "softmax <regression>",
                   metrics: [("test_acc", "0.8312"), ("train_loss", "0.4471")],
                   figures: [ReportFigure(chart, caption: "Training curves"),
                             ReportFigure(grid, caption: "Predictions", asPNG: true),
                             ReportFigure(.png(PNG.encode(Raster(width: 1, height: 1))), caption: "dot")],
                   configuration: [("learning_rate", "0.1"), ("epochs", "10")],
                   table: ReportTable(columns: ["epoch", "test_acc"], rows: [["1", "0.79"], ["2", "0.81"]]))
    }

    @Test func metricsComeFirst() throws {
        let html = report().html()
        let metrics = try #require(html.range(of: "<section id=\"metrics\">")).lowerBound
        let firstSection = try #require(html.range(of: "<section")).lowerBound
        #expect(metrics == firstSection)
        for later in ["<img", "id=\"configuration\"", "id=\"history\""] {
            #expect(try #require(html.range(of: later)).lowerBound > metrics, "\(later) after the metrics")
        }
        let testAcc = try #require(html.range(of: "0.8312")).lowerBound
        let trainLoss = try #require(html.range(of: "0.4471")).lowerBound
        #expect(testAcc < trainLoss)
    }

    @Test func everyFigureIsEmbedded() throws {
        let report = report()
        let html = report.html()
        for figure in report.figures {
            #expect(html.contains("src=\"\(figure.dataURL)\""), "figure \(figure.caption)")
            #expect(html.contains("<figcaption>\(figure.caption)</figcaption>"))
        }
        #expect(html.components(separatedBy: "<img ").count - 1 == 3)
        #expect(report.figures[0].dataURL.hasPrefix("data:image/svg+xml;base64,"))
        let pngURL = report.figures[1].dataURL
        #expect(pngURL.hasPrefix("data:image/png;base64,"))
        let bytes = try #require(Data(base64Encoded: String(pngURL.dropFirst("data:image/png;base64,".count))))
        #expect([UInt8](bytes) == grid.png())
    }

    @Test func textIsEscapedAndTheDocumentIsComplete() {
        let html = report().html()
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("</html>"))
        #expect(html.contains("<title>softmax &lt;regression&gt;</title>"))
        #expect(!html.contains("<regression>"))
        #expect(html.contains("<tr><th>learning_rate</th><td>0.1</td></tr>"))
        #expect(html.contains("<tr><td>2</td><td>0.81</td></tr>"))
    }

    @Test func emptySectionsAreLeftOut() {
        let html = HTMLReport(title: "empty").html()
        #expect(!html.contains("<section"))
    }

    @Test func writesTheFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dive-report-\(UUID()).html").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try report().write(to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == report().html())
    }
}
