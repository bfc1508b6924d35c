import Foundation

/// Where a line chart's parts go, in pixels: the plot area, the axis ranges and ticks, and the
/// mapping from data to pixels. Every output format of a chart is drawn from one layout.
public struct ChartLayout: Hashable, Sendable {
    /// The rectangle data is drawn in; the axes frame is its border.
    public let plotArea: Rect
    /// The x values at the left and right edges of the plot area.
    public let xRange: ClosedRange<Double>
    /// The y values at the bottom and top edges of the plot area.
    public let yRange: ClosedRange<Double>
    /// How y values map to heights.
    public let yScale: AxisScale
    /// Ticks under the x axis, left to right.
    public let xTicks: [Tick]
    /// Ticks beside the y axis, bottom to top.
    public let yTicks: [Tick]

    /// Empty border around the figure.
    static let padding = 10.0
    /// Length of the tick marks outside the frame (matplotlib's 3.5 points).
    static let tickLength = 4.9
    /// Space between a tick mark and its label (matplotlib's 3.5 points).
    static let tickPad = 4.9
    /// Space between the tick labels and the axis label, and between the title and the plot.
    static let labelPad = 6.0

    /// The pixel at which data point `(x, y)` is drawn; points outside the ranges map outside the
    /// plot area.
    public func position(x: Double, y: Double) -> Point {
        let xFraction = (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound)
        let yFraction = (transformed(y) - transformed(yRange.lowerBound))
            / (transformed(yRange.upperBound) - transformed(yRange.lowerBound))
        return Point(x: plotArea.x + xFraction * plotArea.width, y: plotArea.maxY - yFraction * plotArea.height)
    }

    private func transformed(_ y: Double) -> Double {
        yScale == .linear ? y : log10(y)
    }

    /// The layout of `chart`: ranges from its limits or data, margins that fit its labels (no tick
    /// label reaches past the figure's edge), and ticks spaced so their labels do not collide.
    public init(_ chart: LineChart) {
        let font = Font.body
        yScale = chart.yScale
        xRange = chart.xLimits ?? Self.dataRange(of: chart, axis: \.x, scale: .linear, margin: 0.05)
        yRange = chart.yLimits ?? Self.dataRange(of: chart, axis: \.y, scale: chart.yScale, margin: 0.05)
        let width = Double(chart.width), height = Double(chart.height)
        let tickLabelHeight = font.ascent + font.descent

        let top = Self.padding + (chart.title.isEmpty ? font.capHeight / 2 : Font.title.lineHeight + Self.labelPad)
        let bottom = Self.padding + (chart.xLabel.isEmpty ? 0 : font.lineHeight + Self.labelPad)
            + Self.tickLength + Self.tickPad + tickLabelHeight
        let plotHeight = max(height - top - bottom, 10)
        yTicks = yScale == .linear
            ? linearTicks(in: yRange, targetCount: min(max(Int(plotHeight / 50), 2), 8))
            : logarithmicTicks(in: yRange)
        let yTickWidth = yTicks.map { font.width(of: $0.label) }.max() ?? 0
        let left = Self.padding + (chart.yLabel.isEmpty ? 0 : font.lineHeight + Self.labelPad)
            + yTickWidth + Self.tickPad + Self.tickLength

        var xTicks: [Tick] = []
        var plotWidth = 10.0
        // Fewer ticks until their labels fit side by side with room to spare.
        for targetCount in stride(from: 9, through: 2, by: -1) {
            xTicks = linearTicks(in: xRange, targetCount: targetCount, integersOnly: chart.xTicksAreIntegers)
            let widest = xTicks.map { font.width(of: $0.label) }.max() ?? 0
            // The last label is centred on its tick: leave half of it room on the right.
            let lastHalf = (xTicks.last.map { font.width(of: $0.label) } ?? 0) / 2
            plotWidth = max(width - left - max(Self.padding, lastHalf + 4), 10)
            if Double(xTicks.count) * (widest + 16) <= plotWidth { break }
        }
        self.xTicks = xTicks
        plotArea = Rect(x: left.rounded(), y: top.rounded(), width: plotWidth.rounded(), height: plotHeight.rounded())
    }

    /// The range of the chart's drawable data along one axis, widened by `margin` of its span on
    /// each side (in log space for a logarithmic scale), as matplotlib's autoscaling does. An empty
    /// chart gets `0...1` (`1...10` on a log scale); a single value v gets `v-1...v+1` (`v/10...v*10`).
    private static func dataRange(of chart: LineChart, axis: KeyPath<(x: Double, y: Double), Double>,
                                  scale: AxisScale, margin: Double) -> ClosedRange<Double> {
        let values = chart.series.indices.flatMap { chart.points(ofSeries: $0).filter(chart.isDrawable) }
            .map { $0[keyPath: axis] }
            .map { scale == .linear ? $0 : log10($0) }
        let untransformed = { (value: Double) in scale == .linear ? value : pow(10, value) }
        guard let low = values.min(), let high = values.max() else {
            return scale == .linear ? 0...1 : 1...10
        }
        guard high > low else { return untransformed(low - 1)...untransformed(high + 1) }
        let extra = (high - low).isFinite ? (high - low) * margin : 0   // ±1e308 data: no margin to overflow
        return untransformed(low - extra)...untransformed(high + extra)
    }
}
