import Testing
@testable import DivePlot

@Suite struct ChartLayoutTests {
    let x: [Float] = [-8, -4, 0, 4, 8]

    @Test func rangesFitTheDataWithAFivePercentMargin() {
        let layout = LineChart(x: x, series: [Series(x.map { max($0, 0) })]).layout()
        #expect(abs(layout.xRange.lowerBound + 8.8) < 1e-9 && abs(layout.xRange.upperBound - 8.8) < 1e-9)
        #expect(abs(layout.yRange.lowerBound + 0.4) < 1e-9 && abs(layout.yRange.upperBound - 8.4) < 1e-9)
        #expect(layout.xTicks.map(\.label).last == "8")
    }

    @Test func limitsOverrideTheData() {
        let layout = LineChart(x: x, series: [Series(x)], xLimits: -5...5, yLimits: 0.3...0.9).layout()
        #expect(layout.xRange == -5...5 && layout.yRange == 0.3...0.9)
        #expect(layout.yTicks.map(\.label) == ["0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"])
    }

    @Test func rangeEndsMapToTheFrame() {
        let layout = LineChart(x: x, series: [Series(x)], xLimits: -8...8).layout()
        let plot = layout.plotArea
        #expect(layout.position(x: -8, y: layout.yRange.lowerBound) == Point(x: plot.x, y: plot.maxY))
        #expect(layout.position(x: 8, y: layout.yRange.upperBound) == Point(x: plot.maxX, y: plot.y))
    }

    @Test func lastXTickLabelFitsInsideTheFigure() {
        let chart = LineChart(x: [Float(1), 2, 3], series: [Series([Float(3), 2, 1])], xLimits: 1...3)
        let layout = chart.layout()
        let last = try! #require(layout.xTicks.last)
        #expect(last.label == "3.0")
        let right = layout.position(x: last.value, y: 0).x + Font.body.width(of: last.label) / 2
        #expect(right < Double(chart.width))
    }

    @Test func logarithmicScaleMapsRatiosToEqualDistances() {
        let chart = LineChart(x: [Float(1), 2, 3], series: [Series([Float(1), 10, 100])], yLimits: 1...100, yScale: .logarithmic)
        let layout = chart.layout()
        let (one, ten, hundred) = (layout.position(x: 1, y: 1).y, layout.position(x: 1, y: 10).y, layout.position(x: 1, y: 100).y)
        #expect(abs((one - ten) - (ten - hundred)) < 1e-9)
        #expect(layout.yTicks.map(\.label) == ["10⁰", "10¹", "10²"])
    }

    @Test func xTickLabelsDoNotOverlap() {
        let xs = (0...1000).map { Float($0) * 1234.5 }
        let layout = LineChart(x: xs, series: [Series(xs)], width: 400).layout()
        let positions = layout.xTicks.map { layout.position(x: $0.value, y: 0).x }
        let widest = layout.xTicks.map { Font.body.width(of: $0.label) }.max() ?? 0
        #expect(layout.xTicks.count >= 2)
        for (a, b) in zip(positions, positions.dropFirst()) { #expect(b - a > widest) }
    }

    @Test func labelsAndTitleTakeRoomFromThePlot() {
        let bare = LineChart(x: x, series: [Series(x)]).layout().plotArea
        let labelled = LineChart(x: x, series: [Series(x)], title: "t", xLabel: "x", yLabel: "y").layout().plotArea
        #expect(labelled.x > bare.x && labelled.y > bare.y && labelled.maxY < bare.maxY)
    }

    @Test func emptyChartStillHasAxes() {
        let layout = LineChart(series: []).layout()
        #expect(layout.xRange == 0...1 && layout.yRange == 0...1)
        #expect(!layout.xTicks.isEmpty && !layout.yTicks.isEmpty)
    }

    @Test func constantSeriesGetsARangeAroundIt() {
        let layout = LineChart(x: x, series: [Series([Float](repeating: 2, count: 5))]).layout()
        #expect(layout.yRange.contains(2) && layout.yRange.upperBound > layout.yRange.lowerBound)
    }
}
