/// One curve of a line chart: y values (and optionally their own x values), a legend label and a style.
///
/// Points whose x or y is not finite (or, on a logarithmic axis, whose y is not positive) are
/// skipped and break the curve there, as in matplotlib.
public struct Series: Hashable, Sendable {
    /// The curve's own x values; `nil` to use the chart's shared `x`.
    public var x: [Double]?
    /// The y values, one per x value.
    public var y: [Double]
    /// The legend text; an empty label keeps the series out of the legend.
    public var label: String
    /// The stroke colour; `nil` takes the next colour of `Color.palette` by series position.
    public var color: Color?
    /// Solid or dashed, as matplotlib's `-`, `--`, `:`, `-.`.
    public var style: LineStyle
    /// Line width in pixels; 2 by default (matplotlib's 1.5 points at 100 dpi).
    public var lineWidth: Double

    /// A series over the chart's shared x values.
    public init<Y: BinaryFloatingPoint>(_ y: [Y], label: String = "", color: Color? = nil,
                                        style: LineStyle = .solid, lineWidth: Double = 2) {
        self.x = nil
        self.y = y.map { Double($0) }
        self.label = label
        self.color = color
        self.style = style
        self.lineWidth = lineWidth
    }

    /// A series with its own x values (for curves sampled at different points, such as per-batch
    /// training loss beside per-epoch test accuracy).
    ///
    /// - Precondition: `x.count == y.count`.
    public init<X: BinaryFloatingPoint, Y: BinaryFloatingPoint>(
        x: [X], y: [Y], label: String = "", color: Color? = nil, style: LineStyle = .solid, lineWidth: Double = 2
    ) {
        precondition(x.count == y.count, "Series \"\(label)\": \(x.count) x values but \(y.count) y values")
        self.init(y, label: label, color: color, style: style, lineWidth: lineWidth)
        self.x = x.map { Double($0) }
    }
}

/// How data values map to positions along an axis.
public enum AxisScale: Hashable, Sendable {
    /// Equal steps in value are equal distances.
    case linear
    /// Equal ratios are equal distances (base 10); only positive values are drawn.
    case logarithmic
}
