/// A position in pixels; the origin is the top-left corner of the figure and y grows downwards.
public struct Point: Hashable, Sendable {
    /// Horizontal position, in pixels from the left edge.
    public var x: Double
    /// Vertical position, in pixels from the top edge.
    public var y: Double

    /// A point at `(x, y)`.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// An axis-aligned rectangle in pixels; `x` and `y` name its top-left corner.
public struct Rect: Hashable, Sendable {
    /// Left edge.
    public var x: Double
    /// Top edge.
    public var y: Double
    /// Width; never negative in rectangles made by this module.
    public var width: Double
    /// Height; never negative in rectangles made by this module.
    public var height: Double

    /// A rectangle with top-left corner `(x, y)` and the given size.
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// Right edge, `x + width`.
    public var maxX: Double { x + width }
    /// Bottom edge, `y + height`.
    public var maxY: Double { y + height }

    /// Whether `point` lies inside or on the border.
    public func contains(_ point: Point) -> Bool {
        point.x >= x && point.x <= maxX && point.y >= y && point.y <= maxY
    }
}

/// How a line is stroked: solid or with one of matplotlib's dash patterns.
public enum LineStyle: Hashable, Sendable, CaseIterable {
    /// An unbroken line (matplotlib's `-`).
    case solid
    /// Long dashes (`--`).
    case dashed
    /// Short dots (`:`).
    case dotted
    /// Alternating dashes and dots (`-.`).
    case dashDot

    /// Lengths of the alternating drawn and skipped stretches for a line of `width` pixels; empty
    /// for a solid line. The lengths scale with the width, as in matplotlib.
    public func dashPattern(width: Double) -> [Double] {
        let unit = max(width, 1)
        return switch self {
        case .solid: []
        case .dashed: [3.7 * unit, 1.6 * unit]
        case .dotted: [1 * unit, 1.65 * unit]
        case .dashDot: [6.4 * unit, 1.6 * unit, 1 * unit, 1.6 * unit]
        }
    }
}

/// Which point of a line of text its anchor position names.
public enum TextAnchor: Hashable, Sendable {
    /// The anchor is where the text starts (left edge for horizontal text).
    case start
    /// The anchor is the text's centre along its direction.
    case middle
    /// The anchor is where the text ends.
    case end
}
