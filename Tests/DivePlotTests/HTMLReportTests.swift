import Foundation
import Testing
@testable import DivePlot

@Suite struct HTMLReportTests {
    let chart = LineChart(x: [Float(1), 2, 3], series: [Series([Float(0.5), 0.6, 0.7], label: "test acc")])
    let grid = ImageGrid(pixels: [[0, 255, 255, 0]], width: 2, height: 2, titles: ["bag"], columns: 1)

    func report() -> HTMLReport {
        HTMLReport(title: "softmax <regression>", subtitle: "Trained on 1 May 2025",
                   metrics: [("Test accuracy", "83.1%"), ("Training loss", "0.447")],
                   figures: [ReportFigure(chart, caption: "Training curves", id: "curves"),
                             ReportFigure(grid, caption: "Predictions", id: "predictions"),
                             ReportFigure(.png(grid.png()), caption: "dot")],
                   configuration: [("learning_rate", "0.1"), ("epochs", "10")],
                   table: ReportTable(columns: ["epoch", "test_acc"], rows: [["1", "0.79"], ["2", "0.81"]]))
    }

    @Test func metricsComeFirst() throws {
        let html = report().html()
        let metrics = try #require(html.range(of: "<section id=\"metrics\">")).lowerBound
        let firstSection = try #require(html.range(of: "<section")).lowerBound
        #expect(metrics == firstSection)
        for later in ["<svg", "id=\"configuration\"", "id=\"history\""] {
            #expect(try #require(html.range(of: later)).lowerBound > metrics, "\(later) after the metrics")
        }
        let testAcc = try #require(html.range(of: "83.1%")).lowerBound
        let trainLoss = try #require(html.range(of: "0.447")).lowerBound
        #expect(testAcc < trainLoss)
    }

    @Test func svgFiguresAreInlinedAndPNGsEmbedded() throws {
        let report = report()
        let html = report.html()
        for figure in report.figures {
            #expect(html.contains("<figcaption>\(figure.caption)</figcaption>"))
        }
        #expect(html.components(separatedBy: "<svg ").count - 1 == 2)
        #expect(!html.contains("<?xml"))
        #expect(html.contains("id=\"curves-clip0\""))
        #expect(html.components(separatedBy: "<img ").count - 1 == 1)
        let start = try #require(html.range(of: "data:image/png;base64,")).upperBound
        let end = try #require(html[start...].firstIndex(of: "\""))
        #expect(try DecodedPNG([UInt8](try #require(Data(base64Encoded: String(html[start..<end]))))).width > 0)
    }

    @Test func headingSaysWhatAndWhen() {
        #expect(report().html().contains("<p class=\"subtitle\">Trained on 1 May 2025</p>"))
    }

    @Test func pageMakesNoRequests() {
        let html = report().html()
        for reference in ["http://", "https://", "src=\"/", "url(/", "@import"] {
            #expect(!html.replacingOccurrences(of: "http://www.w3.org/", with: "").contains(reference), "\(reference)")
        }
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
