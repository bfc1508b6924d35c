import Testing
@testable import DivePlot

@Suite struct LineChartTests {
    let x = Array(stride(from: Float(-8), through: 8, by: 0.1))

    @Test func reluChartPassesThroughTheMappedPixels() throws {
        let chart = LineChart(x: x, series: [Series(x.map { max($0, 0) }, label: "relu")], xLabel: "x", yLabel: "relu(x)")
        let layout = chart.layout()
        let png = try DecodedPNG(chart.png())
        let blue = Color.palette[0]
        for (dataX, dataY) in [(-4.0, 0.0), (4.0, 4.0), (0.0, 0.0), (7.5, 7.5)] {
            let point = layout.position(x: dataX, y: dataY)
            #expect(try png.pixel(Int(point.x), Int(point.y)) == blue, "relu passes through (\(dataX), \(dataY))")
        }
        for (dataX, dataY) in [(4.0, 0.0), (-4.0, 4.0), (4.0, 6.0)] {
            let point = layout.position(x: dataX, y: dataY)
            #expect(try png.pixel(Int(point.x), Int(point.y)) != blue, "nothing at (\(dataX), \(dataY))")
        }
    }

    @Test func curvesAreClippedToTheYLimits() throws {
        let chart = LineChart(x: x, series: [Series(x.map { max($0, 0) })], yLimits: 0...2)
        let plot = chart.layout().plotArea
        let png = try DecodedPNG(chart.png())
        let blueAbovePlot = try (0..<Int(plot.y)).contains { y in
            try (0..<png.width).contains { try png.pixel($0, y) == Color.palette[0] }
        }
        #expect(!blueAbovePlot)
        let top = chart.layout().position(x: 1, y: 1)
        #expect(try png.pixel(Int(top.x), Int(top.y)) == Color.palette[0])
    }

    @Test func seriesTakePaletteColoursInOrderUnlessGivenOne() {
        let chart = LineChart(x: x, series: [Series(x), Series(x), Series(x, color: .black)])
        #expect(chart.color(ofSeries: 0) == Color.palette[0])
        #expect(chart.color(ofSeries: 1) == Color.palette[1])
        #expect(chart.color(ofSeries: 2) == .black)
    }

    @Test func notANumberBreaksTheCurve() {
        let chart = LineChart(x: [Float(0), 1, 2, 3, 4], series: [Series([Float(0), 1, .nan, 3, 4])], showsGrid: false)
        let lines = chart.scene().items.compactMap { item -> [Point]? in
            if case let .line(points, _, _, _, _) = item { return points } else { return nil }
        }
        #expect(lines.map(\.count) == [2, 2])
    }

    @Test func aLonePointIsDrawnAsAShortDash() {
        let chart = LineChart(x: [Float(1)], series: [Series([Float(0.5)])])
        let lines = chart.scene().items.compactMap { item -> [Point]? in
            if case let .line(points, _, _, _, _) = item { return points } else { return nil }
        }
        #expect(lines.count == 1)
        #expect(lines.first.map { $0.count == 2 && $0[0].y == $0[1].y && $0[1].x - $0[0].x == 4 } == true)
    }

    @Test func logarithmicAxisSkipsValuesThatAreNotPositive() {
        let chart = LineChart(x: [Float(0), 1, 2, 3], series: [Series([Float(1), 0, 10, 100])], yScale: .logarithmic)
        let lines = chart.scene().items.compactMap { item -> [Point]? in
            if case let .line(points, _, _, _, _) = item { return points } else { return nil }
        }
        // 1 stands alone (a short dash) before the gap at 0; 10 and 100 are joined.
        #expect(lines.map(\.count) == [2, 2])
        #expect(lines.first.map { $0[0].y == $0[1].y } == true)
    }

    @Test func seriesWithTheirOwnXNeedNoSharedX() {
        let chart = LineChart(series: [Series(x: [1, 2, 3] as [Double], y: [0.5, 0.6, 0.7] as [Float], label: "a")])
        #expect(chart.layout().xRange == 1...3)
    }

    @Test func mismatchedSeriesLengthTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = LineChart(x: [Float(1), 2, 3], series: [Series([Float(1), 2])])
        }
    }
}
