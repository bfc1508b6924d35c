/// A line chart: several series against a shared x axis, with title, axis labels, ticks, grid and
/// legend, as the book's `d2l.plot` draws them.
///
/// ```swift
/// let x = Array(stride(from: Float(-8), through: 8, by: 0.1))
/// let chart = LineChart(x: x, series: [Series(x.map { max($0, 0) }, label: "ReLU")],
///                       title: "ReLU", xLabel: "x", yLabel: "ReLU(x)")
/// try chart.write(to: "relu.svg")
/// ```
/// Without limits, each axis spans the data plus a 5% margin each side, as matplotlib's does.
/// A series with few points (at most `markerLimit`) gets a marker at each point, so a one-epoch
/// run still shows its values.
public struct LineChart: Figure, Hashable {
    /// The x values shared by every series that has none of its own.
    public var x: [Double]
    /// The curves, drawn in order (later ones on top).
    public var series: [Series]
    /// Text above the plot; empty for none.
    public var title: String
    /// Text under the x axis; empty for none.
    public var xLabel: String
    /// Text beside the y axis, reading upwards; empty for none.
    public var yLabel: String
    /// Fixed x range (the book's `xlim`); `nil` to fit the data.
    public var xLimits: ClosedRange<Double>?
    /// Fixed y range (the book's `ylim`); `nil` to fit the data. Curves are clipped to the plot area.
    public var yLimits: ClosedRange<Double>?
    /// Linear or logarithmic y axis.
    public var yScale: AxisScale
    /// Whether x ticks fall on whole numbers only (epochs, counts).
    public var xTicksAreIntegers: Bool
    /// Figure width in pixels of 1/100 inch (640 by default, matplotlib's 6.4 inches).
    public var width: Int
    /// Figure height in pixels (480 by default, matplotlib's 4.8 inches).
    public var height: Int
    /// Whether light grid lines are drawn at the ticks (on by default, as `d2l.set_axes` does).
    public var showsGrid: Bool

    /// A chart of `series` over the shared x values `x`.
    ///
    /// - Precondition: every series without its own x values has `x.count` y values; logarithmic
    ///   limits are positive; the figure is at least 100 x 80 pixels.
    public init<X: BinaryFloatingPoint>(
        x: [X], series: [Series], title: String = "", xLabel: String = "", yLabel: String = "",
        xLimits: ClosedRange<Double>? = nil, yLimits: ClosedRange<Double>? = nil, yScale: AxisScale = .linear,
        xTicksAreIntegers: Bool = false, width: Int = 640, height: Int = 480, showsGrid: Bool = true
    ) {
        self.x = x.map { Double($0) }
        self.series = series
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xLimits = xLimits
        self.yLimits = yLimits
        self.yScale = yScale
        self.xTicksAreIntegers = xTicksAreIntegers
        self.width = width
        self.height = height
        self.showsGrid = showsGrid
        for curve in series where curve.x == nil {
            precondition(curve.y.count == self.x.count,
                         "LineChart: series \"\(curve.label)\" has \(curve.y.count) y values for \(self.x.count) x values")
        }
        if yScale == .logarithmic, let yLimits {
            precondition(yLimits.lowerBound > 0, "LineChart: logarithmic y limits \(yLimits) must be positive")
        }
        precondition(width >= 100 && height >= 80, "LineChart: size \(width)x\(height) is below 100x80")
    }

    /// A chart of series that each carry their own x values.
    public init(
        series: [Series], title: String = "", xLabel: String = "", yLabel: String = "",
        xLimits: ClosedRange<Double>? = nil, yLimits: ClosedRange<Double>? = nil, yScale: AxisScale = .linear,
        xTicksAreIntegers: Bool = false, width: Int = 640, height: Int = 480, showsGrid: Bool = true
    ) {
        self.init(x: [Double](), series: series, title: title, xLabel: xLabel, yLabel: yLabel, xLimits: xLimits,
                  yLimits: yLimits, yScale: yScale, xTicksAreIntegers: xTicksAreIntegers, width: width,
                  height: height, showsGrid: showsGrid)
    }

    /// The points of series `index` as (x, y) pairs, in order, including non-finite ones.
    func points(ofSeries index: Int) -> [(x: Double, y: Double)] {
        let curve = series[index]
        return Array(zip(curve.x ?? x, curve.y)).map { (x: $0.0, y: $0.1) }
    }

    /// Series with at most this many drawable points get a marker at each point.
    public static let markerLimit = 30

    /// Whether series `index` is drawn with a marker at each point.
    func hasMarkers(series index: Int) -> Bool {
        points(ofSeries: index).count(where: isDrawable) <= Self.markerLimit
    }

    /// The colour series `index` is drawn in.
    func color(ofSeries index: Int) -> Color {
        series[index].color ?? Color.palette[index % Color.palette.count]
    }

    /// Whether `(x, y)` can be drawn on this chart's axes.
    func isDrawable(_ point: (x: Double, y: Double)) -> Bool {
        point.x.isFinite && point.y.isFinite && (yScale == .linear || point.y > 0)
    }
}
