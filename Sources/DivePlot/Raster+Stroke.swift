extension Raster {
    /// Draws an anti-aliased polyline through `points`.
    ///
    /// Each pixel's coverage is estimated from the distance between its centre and the stroke's
    /// centre line: full inside, fading to nothing over one pixel at the edge. Ends are flat, joins
    /// round (like SVG's `stroke-linecap="butt"` and `stroke-linejoin="round"`). Coverages of the
    /// whole polyline are combined by maximum before the colour is blended once, so joins and
    /// overlaps are not darker than the rest. With `clip`, only pixels whose centres lie in it change.
    /// Fewer than two points draw nothing.
    public mutating func stroke(_ points: [Point], color: Color, width: Double, style: LineStyle = .solid,
                                clip: Rect? = nil) {
        guard points.count >= 2, width > 0 else { return }
        let reach = width / 2 + 1
        let xs = points.map(\.x), ys = points.map(\.y)
        let reached = Rect(x: xs.min()! - reach, y: ys.min()! - reach,
                           width: xs.max()! - xs.min()! + 2 * reach, height: ys.max()! - ys.min()! + 2 * reach)
        // Only the pixels the stroke can reach get a coverage cell.
        var bounds = Rect(x: 0, y: 0, width: Double(self.width), height: Double(height)).intersection(reached)
        if let clip { bounds = bounds.intersection(clip) }
        let region = pixelRanges(covering: bounds)
        guard !region.columns.isEmpty, !region.rows.isEmpty else { return }
        var coverage = [Float](repeating: 0, count: region.columns.count * region.rows.count)

        func accumulate(around box: Rect, _ coverageAt: (Point) -> Double) {
            let (columns, rows) = pixelRanges(covering: box.intersection(bounds))
            for y in rows {
                for x in columns {
                    let value = coverageAt(Point(x: Double(x) + 0.5, y: Double(y) + 0.5))
                    guard value > 0 else { continue }
                    let index = (y - region.rows.lowerBound) * region.columns.count + x - region.columns.lowerBound
                    coverage[index] = max(coverage[index], Float(min(value, 1)))
                }
            }
        }

        let pieces = style == .solid ? [points] : dashes(of: points, pattern: style.dashPattern(width: width))
        for piece in pieces {
            for (a, b) in zip(piece, piece.dropFirst()) {
                let box = Rect(x: min(a.x, b.x) - reach, y: min(a.y, b.y) - reach,
                               width: abs(a.x - b.x) + 2 * reach, height: abs(a.y - b.y) + 2 * reach)
                accumulate(around: box) { segmentCoverage(at: $0, from: a, to: b, width: width) }
            }
            for joint in piece.dropFirst().dropLast() {
                let box = Rect(x: joint.x - reach, y: joint.y - reach, width: 2 * reach, height: 2 * reach)
                accumulate(around: box) { p in
                    width / 2 + 0.5 - ((p.x - joint.x) * (p.x - joint.x) + (p.y - joint.y) * (p.y - joint.y)).squareRoot()
                }
            }
        }

        for (row, y) in region.rows.enumerated() {
            for (column, x) in region.columns.enumerated() {
                let value = coverage[row * region.columns.count + column]
                if value > 0 { self[x, y] = color.blended(over: self[x, y], coverage: value) }
            }
        }
    }
}

/// Coverage of the pixel centred at `p` by a flat-ended stroke of `width` from `a` to `b`: the
/// product of how far `p` lies inside the two long edges and inside the two ends, each clamped to
/// `[0, 1]`.
private func segmentCoverage(at p: Point, from a: Point, to b: Point, width: Double) -> Double {
    let dx = b.x - a.x, dy = b.y - a.y
    let length = (dx * dx + dy * dy).squareRoot()
    guard length > 1e-9 else { return 0 }
    let along = ((p.x - a.x) * dx + (p.y - a.y) * dy) / length
    let across = abs((p.x - a.x) * dy - (p.y - a.y) * dx) / length
    let beyondEnds = max(-along, along - length)
    let side = min(max(width / 2 + 0.5 - across, 0), 1)
    let end = min(max(0.5 - beyondEnds, 0), 1)
    return side * end
}

/// The drawn stretches of a polyline under a dash `pattern` (alternating drawn and skipped lengths,
/// starting with a drawn one), each as its own polyline.
func dashes(of points: [Point], pattern: [Double]) -> [[Point]] {
    guard !pattern.isEmpty, pattern.allSatisfy({ $0 > 0 }) else { return [points] }
    var pieces: [[Point]] = []
    var current: [Point] = [points[0]]
    var patternIndex = 0
    var remaining = pattern[0]
    var drawing = true
    for (a, b) in zip(points, points.dropFirst()) {
        let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
        var travelled = 0.0
        while length - travelled > remaining {
            travelled += remaining
            let t = travelled / length
            let point = Point(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t)
            if drawing {
                current.append(point)
                pieces.append(current)
            }
            current = [point]
            drawing.toggle()
            patternIndex = (patternIndex + 1) % pattern.count
            remaining = pattern[patternIndex]
        }
        remaining -= length - travelled
        if drawing { current.append(b) } else { current = [b] }
    }
    if drawing, current.count >= 2 { pieces.append(current) }
    return pieces
}

extension Rect {
    /// The overlap of two rectangles; zero-sized when they do not meet.
    func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        return Rect(x: left, y: top, width: max(right - left, 0), height: max(bottom - top, 0))
    }
}
