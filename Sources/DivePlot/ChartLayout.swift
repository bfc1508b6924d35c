import Foundation

/// Where a line chart's parts go, in pixels: the plot area, the axis ranges and ticks, and the
/// mapping from data to pixels. The PNG and the SVG of a chart are both drawn from one layout.
public struct ChartLayout: Hashable, Sendable {
    /// The rectangle data is drawn in; the axes frame lies just outside it.
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

    /// Scale of all chart text in the built-in font (each font pixel is 2 x 2 pixels).
    static let textScale = 2
    /// Empty border around the figure.
    static let padding = 12.0
    /// Length of the tick marks outside the frame.
    static let tickLength = 5.0

    /// The pixel at which data point `(x, y)` is drawn; points outside the ranges map outside the
    /// plot area.
    ///
    /// The ends of the ranges map to the centres of the plot area's outermost pixels, where the
    /// one-pixel axes frame is drawn, so a value at a limit lies exactly on the frame.
    public func position(x: Double, y: Double) -> Point {
        let xFraction = (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound)
        let yFraction = (transformed(y) - transformed(yRange.lowerBound))
            / (transformed(yRange.upperBound) - transformed(yRange.lowerBound))
        return Point(x: plotArea.x + 0.5 + xFraction * (plotArea.width - 1),
                     y: plotArea.maxY - 0.5 - yFraction * (plotArea.height - 1))
    }

    private func transformed(_ y: Double) -> Double {
        yScale == .linear ? y : log10(y)
    }

    /// The layout of `chart`: ranges from its limits or data, margins that fit its labels, and
    /// ticks spaced so their labels do not collide.
    public init(_ chart: LineChart) {
        yScale = chart.yScale
        xRange = chart.xLimits ?? Self.dataRange(of: chart, axis: \.x, scale: .linear, margin: 0)
        yRange = chart.yLimits ?? Self.dataRange(of: chart, axis: \.y, scale: chart.yScale, margin: 0.05)
        let lineHeight = BitmapFont.height(scale: Self.textScale)
        let width = Double(chart.width), height = Double(chart.height)

        let top = Self.padding + (chart.title.isEmpty ? 0 : lineHeight + 10)
        let bottom = Self.padding + (chart.xLabel.isEmpty ? 0 : lineHeight + 6) + lineHeight + 4 + Self.tickLength
        let plotHeight = max(height - top - bottom, 10)
        yTicks = yScale == .linear
            ? linearTicks(in: yRange, targetCount: min(max(Int(plotHeight / 50), 2), 8))
            : logarithmicTicks(in: yRange)
        let yTickWidth = yTicks.map { BitmapFont.width(of: $0.label, scale: Self.textScale) }.max() ?? 0
        let left = Self.padding + (chart.yLabel.isEmpty ? 0 : lineHeight + 8) + yTickWidth + 5 + Self.tickLength

        var xTicks: [Tick] = []
        var plotWidth = 10.0
        // Fewer ticks until their labels fit side by side with room to spare.
        for targetCount in stride(from: 9, through: 2, by: -1) {
            xTicks = linearTicks(in: xRange, targetCount: targetCount)
            let widest = xTicks.map { BitmapFont.width(of: $0.label, scale: Self.textScale) }.max() ?? 0
            let right = max(Self.padding, (widest / 2 + 4).rounded(.up))
            plotWidth = max(width - left - right, 10)
            if Double(xTicks.count) * (widest + 16) <= plotWidth { break }
        }
        self.xTicks = xTicks
        plotArea = Rect(x: left.rounded(), y: top.rounded(), width: plotWidth.rounded(), height: plotHeight.rounded())
    }

    /// The range of the chart's drawable data along one axis, widened by `margin` of its span on
    /// each side (in log space for a logarithmic scale). An empty chart gets `0...1` (`1...10` on a
    /// log scale); a single value v gets `v-1...v+1` (`v/10...v*10`).
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
        let extra = (high - low) * margin
        return untransformed(low - extra)...untransformed(high + extra)
    }
}
