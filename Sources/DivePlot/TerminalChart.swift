import Foundation

/// A line chart drawn with Unicode braille characters, for watching training in a terminal.
///
/// Each character cell holds a 2 x 4 grid of dots (U+2800 to U+28FF), so a chart `width`
/// characters wide has twice as many dot columns. `lines()` is a pure function of the data: the
/// caller decides when to print, and can redraw in place by moving the cursor up `height` lines.
/// The block is exactly `height` lines: the legend (each label with its latest value), the plot
/// rows with the y range's maximum beside the top row and minimum beside the bottom row, and a line
/// with the x range's ends. No line is wider than `width` characters (ANSI colour codes aside).
public struct TerminalChart: Hashable, Sendable {
    /// The x values shared by series that have none of their own.
    public var x: [Double]
    /// The curves, drawn in order; where two share a cell, the later one's colour wins.
    public var series: [Series]
    /// Characters per line, labels included.
    public var width: Int
    /// Lines in the block (at least 3).
    public var height: Int
    /// Fixed y range; `nil` to span the data.
    public var yLimits: ClosedRange<Double>?
    /// Whether curves and legend markers get ANSI colours (one per series, in palette order).
    public var usesColor: Bool

    /// A chart of `series` over `x` that fits in `width` x `height` characters.
    ///
    /// - Precondition: `height >= 3`, `width >= 16`, and series without their own x values have
    ///   `x.count` values.
    public init<X: BinaryFloatingPoint>(x: [X], series: [Series], width: Int = 72, height: Int = 12,
                                        yLimits: ClosedRange<Double>? = nil, usesColor: Bool = false) {
        precondition(height >= 3 && width >= 16, "TerminalChart: \(width)x\(height) is below 16x3 characters")
        self.x = x.map { Double($0) }
        self.series = series
        self.width = width
        self.height = height
        self.yLimits = yLimits
        self.usesColor = usesColor
        for curve in series where curve.x == nil {
            precondition(curve.y.count == self.x.count,
                         "TerminalChart: series \"\(curve.label)\" has \(curve.y.count) y values for \(self.x.count) x values")
        }
    }

    /// ANSI foreground colours close to the first palette entries: blue, yellow, green, red, magenta, cyan.
    private static let ansiColors = [34, 33, 32, 31, 35, 36]

    /// The chart as `height` lines of text, without trailing newlines.
    public func lines() -> [String] {
        let curves = series.map { curve in
            zip(curve.x ?? x, curve.y).filter { $0.0.isFinite && $0.1.isFinite }
        }
        let allPoints = curves.flatMap { $0 }
        let xRange = Self.span(allPoints.map(\.0), fallback: 0...1)
        let yRange = yLimits ?? Self.span(allPoints.map(\.1), fallback: 0...1)
        let top = Self.format(yRange.upperBound), bottom = Self.format(yRange.lowerBound)
        let labelWidth = max(top.count, bottom.count)
        let columns = max(width - labelWidth - 2, 1)
        let rows = height - 2

        // Dot grid: which series last set each dot, or -1.
        let dotColumns = 2 * columns, dotRows = 4 * rows
        var owner = [Int](repeating: -1, count: dotColumns * dotRows)
        func dot(_ point: (Double, Double)) -> (column: Int, row: Int) {
            let fx = (point.0 - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound)
            let fy = (yRange.upperBound - point.1) / (yRange.upperBound - yRange.lowerBound)
            // Clamped far outside the grid, so a wild value cannot make the walk below huge.
            return (Int((min(max(fx, -2), 3) * Double(dotColumns - 1)).rounded()),
                    Int((min(max(fy, -2), 3) * Double(dotRows - 1)).rounded()))
        }
        for (index, curve) in curves.enumerated() {
            let dots = curve.map(dot)
            let segments = dots.count == 1 ? [(dots[0], dots[0])] : Array(zip(dots, dots.dropFirst()))
            for (a, b) in segments {
                let steps = max(abs(b.column - a.column), abs(b.row - a.row), 1)
                for step in 0...steps {
                    let column = a.column + (b.column - a.column) * step / steps
                    let row = a.row + (b.row - a.row) * step / steps
                    if column >= 0, column < dotColumns, row >= 0, row < dotRows {
                        owner[row * dotColumns + column] = index
                    }
                }
            }
        }

        var output = [legend()]
        for row in 0..<rows {
            let label = row == 0 ? top : row == rows - 1 ? bottom : ""
            var line = String(repeating: " ", count: labelWidth - label.count) + label
                + (row == 0 || row == rows - 1 ? " ┤" : " │")
            for column in 0..<columns {
                line += cell(column: column, row: row, owner: owner, dotColumns: dotColumns)
            }
            output.append(line)
        }
        let left = Self.format(xRange.lowerBound), right = Self.format(xRange.upperBound)
        let gap = max(columns - left.count - right.count, 1)
        output.append(String(repeating: " ", count: labelWidth + 2) + left + String(repeating: " ", count: gap) + right)
        return output
    }

    /// The braille character of one cell (a space when no dot is set), coloured by its last series.
    private func cell(column: Int, row: Int, owner: [Int], dotColumns: Int) -> String {
        // Bit of each dot in the braille pattern, by (row within cell, column within cell).
        let bits: [[UInt32]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
        var pattern: UInt32 = 0
        var lastSeries = -1
        for dy in 0..<4 {
            for dx in 0..<2 {
                let index = owner[(4 * row + dy) * dotColumns + 2 * column + dx]
                guard index >= 0 else { continue }
                pattern |= bits[dy][dx]
                lastSeries = max(lastSeries, index)
            }
        }
        guard pattern != 0 else { return " " }
        let character = String(UnicodeScalar(0x2800 + pattern)!)
        return usesColor ? colored(character, series: lastSeries) : character
    }

    /// The labelled series with their latest values, cut to `width` characters.
    private func legend() -> String {
        var plain = "", styled = ""
        for (index, curve) in series.enumerated() where !curve.label.isEmpty {
            let latest = curve.y.last(where: \.isFinite).map(Self.format) ?? "-"
            let separator = plain.isEmpty ? "" : "  ", text = " " + curve.label + " " + latest
            guard plain.count + separator.count + 1 + text.count <= width else { break }
            plain += separator + "⣿" + text
            styled += separator + (usesColor ? colored("⣿", series: index) : "⣿") + text
        }
        return styled
    }

    private func colored(_ text: String, series index: Int) -> String {
        "\u{1B}[\(Self.ansiColors[index % Self.ansiColors.count])m\(text)\u{1B}[0m"
    }

    /// The smallest range holding `values`; one unit either side of a single value.
    private static func span(_ values: [Double], fallback: ClosedRange<Double>) -> ClosedRange<Double> {
        guard let low = values.min(), let high = values.max() else { return fallback }
        return high > low ? low...high : (low - 1)...(high + 1)
    }

    /// `value` with at most four significant digits (`0.8312`, `12.5`, `3`).
    private static func format(_ value: Double) -> String {
        String(format: "%.4g", value)
    }
}
