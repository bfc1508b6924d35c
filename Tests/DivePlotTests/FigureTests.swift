import Foundation
import Testing
@testable import DivePlot

@Suite struct FigureTests {
    let chart = LineChart(x: [Float(0), 1], series: [Series([Float(0), 1])])

    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("dive-\(UUID())-\(name)").path
    }

    @Test func formatFollowsTheExtension() throws {
        let png = temporaryPath("chart.PNG"), svg = temporaryPath("chart.svg"), pdf = temporaryPath("chart.pdf")
        defer { for path in [png, svg, pdf] { try? FileManager.default.removeItem(atPath: path) } }
        try chart.write(to: png)
        try chart.write(to: svg)
        try chart.write(to: pdf)
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: png))) == chart.png())
        #expect(try String(contentsOfFile: svg, encoding: .utf8) == chart.svg())
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: pdf))).starts(with: Array("%PDF-".utf8)))
    }

    @Test func unknownExtensionIsRejected() {
        #expect(throws: PlotError.unsupportedFormat(path: "chart.jpg")) { try chart.write(to: "chart.jpg") }
    }

    @Test func unwritablePathNamesTheFile() {
        let path = "/nonexistent-dive-folder/chart.png"
        let error = #expect(throws: PlotError.self) { try chart.write(to: path) }
        #expect(error?.description.hasPrefix(path + ": cannot write the file") == true)
    }
}
