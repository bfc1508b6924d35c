extension LineChart {
    /// Length of the line sample in front of each label.
    private static let legendSampleLength = 28.0

    /// The legend box with a line sample and label for every labelled series, in the corner of the
    /// plot area that covers the fewest curve pixels (upper right first on ties, as matplotlib's
    /// "best"). Empty when no series has a label.
    func legendItems(plot: Rect, avoiding curves: [[Point]]) -> [Scene.Item] {
        let entries = series.indices.filter { !series[$0].label.isEmpty }
        guard !entries.isEmpty else { return [] }
        let font = Font.body
        let rowHeight = font.size * 1.5, pad = font.size * 0.4, gap = font.size * 0.8
        let labelWidth = entries.map { font.width(of: series[$0].label) }.max() ?? 0
        let boxWidth = (pad + Self.legendSampleLength + gap + labelWidth + pad).rounded(.up)
        let boxHeight = (Double(entries.count) * rowHeight + 2 * pad - font.size * 0.5).rounded(.up)
        let inset = 8.0
        let left = plot.x + inset, right = plot.maxX - inset - boxWidth
        let top = plot.y + inset, bottom = plot.maxY - inset - boxHeight
        let corners = [Point(x: right, y: top), Point(x: left, y: top), Point(x: left, y: bottom), Point(x: right, y: bottom)]
        let samples = samplePoints(along: curves, spacing: 4)
        let best = corners.min { a, b in
            covered(samples, by: Rect(x: a.x, y: a.y, width: boxWidth, height: boxHeight))
                < covered(samples, by: Rect(x: b.x, y: b.y, width: boxWidth, height: boxHeight))
        } ?? corners[0]
        let box = Rect(x: best.x.rounded(), y: best.y.rounded(), width: boxWidth, height: boxHeight)

        var items: [Scene.Item] = [.rectangle(box, fill: .white, stroke: Color(hex: 0xCCCCCC), cornerRadius: 3)]
        for (row, index) in entries.enumerated() {
            let middle = box.y + pad + font.size / 2 + Double(row) * rowHeight
            let start = Point(x: box.x + pad, y: middle), end = Point(x: box.x + pad + Self.legendSampleLength, y: middle)
            items.append(.line(points: [start, end], color: color(ofSeries: index), width: series[index].lineWidth,
                               style: series[index].style, clip: nil))
            if hasMarkers(series: index) {
                items.append(.marker(center: Point(x: (start.x + end.x) / 2, y: middle), radius: markerRadius(series: index),
                                     color: color(ofSeries: index), clip: nil))
            }
            items.append(.text(series[index].label, baseline: Point(x: end.x + gap, y: middle + font.capHeight / 2),
                               font: font, color: .ink, anchor: .start, rotated: false))
        }
        return items
    }

    /// How many of `samples` lie in `box`.
    private func covered(_ samples: [Point], by box: Rect) -> Int {
        samples.count { box.contains($0) }
    }

    /// Points every `spacing` pixels along each polyline (at most 2000 per segment), so that a
    /// long segment crossing a box counts even when none of its ends lies inside.
    private func samplePoints(along curves: [[Point]], spacing: Double) -> [Point] {
        var samples: [Point] = []
        for curve in curves {
            samples += curve
            for (a, b) in zip(curve, curve.dropFirst()) {
                let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
                let steps = Int(min((length / spacing).rounded(.up), 2000))
                guard steps > 1 else { continue }
                for step in 1..<steps {
                    let t = Double(step) / Double(steps)
                    samples.append(Point(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t))
                }
            }
        }
        return samples
    }
}
