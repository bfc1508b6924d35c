import Testing
@testable import DivePlot

@Suite struct TerminalChartTests {
    let chart = TerminalChart(x: [Float(0), 1, 2, 3],
                              series: [Series([Float(0), 1, 2, 3], label: "up"), Series([Float(3), 3, 3, 3], label: "flat")],
                              width: 16, height: 5)

    @Test func knownSeriesGiveTheExpectedBlock() {
        // Trailing spaces matter, so the lines are written one by one.
        let expected = [
            "⣿ up 3  ⣿ flat 3",
            "3 ┤⠉⠉⠉⠉⠉⠉⠉⠉⠉⢉⡩⠝⠋",
            "  │    ⣀⡠⠤⠒⠊⠁   ",
            "0 ┤⣀⠤⠒⠉         ",
            "   0           3",
        ]
        #expect(chart.lines() == expected)
    }

    @Test func blockFitsTheGivenSize() {
        let epochs = (1...30).map { Float($0) }
        let wide = TerminalChart(x: epochs, series: [Series(epochs.map { 1 / $0 }, label: "train loss"),
                                                     Series(epochs.map { 1 - 1 / $0 }, label: "test acc")],
                                 width: 40, height: 8)
        let lines = wide.lines()
        #expect(lines.count == 8)
        #expect(lines.allSatisfy { $0.count <= 40 })
        #expect(lines[0] == "⣿ train loss 0.03333  ⣿ test acc 0.9667")
    }

    @Test func colourWrapsCurvesAndLegendMarkersInANSICodes() {
        var colored = chart
        colored.usesColor = true
        let lines = colored.lines()
        #expect(lines[0].hasPrefix("\u{1B}[34m⣿\u{1B}[0m up 3"))
        #expect(lines[3].contains("\u{1B}[34m⣀\u{1B}[0m"))
        #expect(lines[1].contains("\u{1B}[33m⠉\u{1B}[0m"))
    }

    @Test func valuesOutsideTheLimitsAreNotDrawn() {
        let clipped = TerminalChart(x: [Float(0), 1], series: [Series([Float(5), 5])], width: 16, height: 4, yLimits: 0...1)
        #expect(clipped.lines()[1...2].allSatisfy { !$0.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) } })
    }

    @Test func emptyChartStillHasItsFrame() {
        let empty = TerminalChart(x: [Float](), series: [], width: 20, height: 4)
        #expect(empty.lines() == ["", "1 ┤                 ", "0 ┤                 ", "   0               1"])
    }
}
