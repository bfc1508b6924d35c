import Testing
@testable import DivePlot

@Suite struct LineChartTests {
    let x = Array(stride(from: Float(-8), through: 8, by: 0.1))

    /// The polylines of the data (clipped to the plot area), leaving out axes, ticks and grid.
    func curves(of chart: LineChart) -> [[Point]] {
        chart.scene().items.compactMap { item -> [Point]? in
            if case let .line(points, _, _, _, clip?) = item, clip == chart.layout().plotArea { return points }
            return nil
        }
    }

    /// The markers of the data.
    func markers(of chart: LineChart) -> [Point] {
        chart.scene().items.compactMap { item -> Point? in
            if case let .marker(center, _, _, _) = item { return center } else { return nil }
        }
    }

    @Test func reluChartPassesThroughTheMappedPixels() throws {
        let chart = LineChart(x: x, series: [Series(x.map { max($0, 0) }, label: "relu")], xLabel: "x", yLabel: "relu(x)")
        let layout = chart.layout()
        let png = try DecodedPNG(chart.png())
        let blue = Color.palette[0]
        for (dataX, dataY) in [(-4.0, 0.0), (4.0, 4.0), (0.0, 0.0), (7.5, 7.5)] {
            let point = layout.position(x: dataX, y: dataY)
            #expect(png.pixel(Int(2 * point.x), Int(2 * point.y)) == blue, "relu passes through (\(dataX), \(dataY))")
        }
        for (dataX, dataY) in [(4.0, 0.0), (-4.0, 4.0), (4.0, 6.0)] {
            let point = layout.position(x: dataX, y: dataY)
            #expect(png.pixel(Int(2 * point.x), Int(2 * point.y)) != blue, "nothing at (\(dataX), \(dataY))")
        }
    }

    @Test func curvesAreClippedToTheYLimits() throws {
        let chart = LineChart(x: x, series: [Series(x.map { max($0, 0) })], yLimits: 0...2)
        let plot = chart.layout().plotArea
        let png = try DecodedPNG(chart.png())
        let blueAbovePlot = (0..<Int(2 * plot.y)).contains { y in
            (0..<png.width).contains { png.pixel($0, y) == Color.palette[0] }
        }
        #expect(!blueAbovePlot)
        let top = chart.layout().position(x: 1, y: 1)
        #expect(png.pixel(Int(2 * top.x), Int(2 * top.y)) == Color.palette[0])
    }

    @Test func seriesTakePaletteColoursInOrderUnlessGivenOne() {
        let chart = LineChart(x: x, series: [Series(x), Series(x), Series(x, color: .black)])
        #expect(chart.color(ofSeries: 0) == Color.palette[0])
        #expect(chart.color(ofSeries: 1) == Color.palette[1])
        #expect(chart.color(ofSeries: 2) == .black)
    }

    @Test func notANumberBreaksTheCurve() {
        let chart = LineChart(x: [Float(0), 1, 2, 3, 4], series: [Series([Float(0), 1, .nan, 3, 4])], showsGrid: false)
        #expect(curves(of: chart).map(\.count) == [2, 2])
    }

    @Test func fewPointsGetMarkersAndALonePointShows() {
        let lone = LineChart(x: [Float(1)], series: [Series([Float(0.5)])])
        #expect(markers(of: lone) == [lone.layout().position(x: 1, y: 0.5)])
        let few = LineChart(x: [Float(1), 2, 3], series: [Series([Float(0.5), 0.6, 0.7])])
        #expect(markers(of: few).count == 3)
        #expect(markers(of: LineChart(x: x, series: [Series(x)])).isEmpty)
    }

    @Test func hugeValuesAreDrawnWithoutOverflow() throws {
        let chart = LineChart(x: [Float(1), 2, 3], series: [Series([1e308, -1e308, 0.5] as [Double])])
        for point in curves(of: chart).joined() { #expect(point.x.isFinite && point.y.isFinite) }
        _ = try DecodedPNG(chart.png())
    }

    @Test func logarithmicAxisSkipsValuesThatAreNotPositive() {
        let chart = LineChart(x: [Float(0), 1, 2, 3], series: [Series([Float(1), 0, 10, 100])], yScale: .logarithmic)
        // 1 stands alone (a marker) before the gap at 0; 10 and 100 are joined.
        #expect(curves(of: chart).map(\.count) == [1, 2])
    }

    @Test func seriesWithTheirOwnXNeedNoSharedX() {
        let chart = LineChart(series: [Series(x: [1, 2, 3] as [Double], y: [0.5, 0.6, 0.7] as [Float], label: "a")])
        #expect(chart.layout().xRange.contains(1) && chart.layout().xRange.contains(3))
    }

    @Test func mismatchedSeriesLengthTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = LineChart(x: [Float(1), 2, 3], series: [Series([Float(1), 2])])
        }
    }
}
