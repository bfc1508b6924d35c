extension LineChart {
    /// Where this chart's parts go in pixels (shared by all its output formats).
    public func layout() -> ChartLayout {
        ChartLayout(self)
    }

    /// The chart laid out in pixels: grid, curves and markers (clipped to the plot area), axes
    /// frame, ticks, labels, title and legend, back to front.
    public func scene() -> Scene {
        let layout = layout()
        let plot = layout.plotArea
        let font = Font.body
        var items: [Scene.Item] = []

        let xColumns = layout.xTicks.map { layout.position(x: $0.value, y: layout.yRange.lowerBound).x }
        let yRows = layout.yTicks.map { layout.position(x: layout.xRange.lowerBound, y: $0.value).y }
        if showsGrid {
            for column in xColumns { items.append(Self.segment(column, plot.y, column, plot.maxY, color: .grid)) }
            for row in yRows { items.append(Self.segment(plot.x, row, plot.maxX, row, color: .grid)) }
        }

        let runs = series.indices.map { drawableRuns(ofSeries: $0, in: layout) }
        for (index, curveRuns) in runs.enumerated() {
            let color = color(ofSeries: index)
            for run in curveRuns {
                items.append(.line(points: run, color: color, width: series[index].lineWidth,
                                   style: series[index].style, clip: plot))
                if hasMarkers(series: index) || run.count == 1 {
                    items += run.map { .marker(center: $0, radius: markerRadius(series: index), color: color, clip: plot) }
                }
            }
        }

        items.append(.rectangle(plot, fill: nil, stroke: .ink))
        for (tick, column) in zip(layout.xTicks, xColumns) {
            items.append(Self.segment(column, plot.maxY, column, plot.maxY + ChartLayout.tickLength, color: .ink))
            items.append(.text(tick.label, baseline: Point(x: column, y: plot.maxY + ChartLayout.tickLength
                                                               + ChartLayout.tickPad + font.ascent),
                               font: font, color: .ink, anchor: .middle, rotated: false))
        }
        for (tick, row) in zip(layout.yTicks, yRows) {
            items.append(Self.segment(plot.x - ChartLayout.tickLength, row, plot.x, row, color: .ink))
            items.append(.text(tick.label, baseline: Point(x: plot.x - ChartLayout.tickLength - ChartLayout.tickPad,
                                                           y: row + font.capHeight / 2),
                               font: font, color: .ink, anchor: .end, rotated: false))
        }

        let centreX = plot.x + plot.width / 2
        if !title.isEmpty {
            items.append(.text(title, baseline: Point(x: centreX, y: ChartLayout.padding + Font.title.ascent),
                               font: .title, color: .ink, anchor: .middle, rotated: false))
        }
        if !xLabel.isEmpty {
            items.append(.text(xLabel, baseline: Point(x: centreX, y: Double(height) - ChartLayout.padding - font.descent),
                               font: font, color: .ink, anchor: .middle, rotated: false))
        }
        if !yLabel.isEmpty {
            items.append(.text(yLabel, baseline: Point(x: ChartLayout.padding + font.ascent, y: plot.y + plot.height / 2),
                               font: font, color: .ink, anchor: .middle, rotated: true))
        }
        items += legendItems(plot: plot, avoiding: runs.flatMap { $0 })
        return Scene(width: width, height: height, items: items)
    }

    /// The radius of series `index`'s markers: matplotlib's 6-point "o" for a 1.5-point line,
    /// scaled with the line width.
    func markerRadius(series index: Int) -> Double {
        series[index].lineWidth * 2
    }

    /// A one-pixel straight line from `(x0, y0)` to `(x1, y1)` (axes, ticks, grid).
    static func segment(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, color: Color) -> Scene.Item {
        .line(points: [Point(x: x0, y: y0), Point(x: x1, y: y1)], color: color, width: 1, style: .solid, clip: nil)
    }

    /// Series `index` as pixel polylines, broken where points cannot be drawn. Positions are held
    /// within a wide band around the figure, so that a value such as 1e308 stays drawable.
    private func drawableRuns(ofSeries index: Int, in layout: ChartLayout) -> [[Point]] {
        let band = 10 * Double(max(width, height))
        var runs: [[Point]] = []
        var current: [Point] = []
        for point in points(ofSeries: index) + [(x: Double.nan, y: Double.nan)] {
            let position = isDrawable(point) ? layout.position(x: point.x, y: point.y) : nil
            if let position, position.x.isFinite, position.y.isFinite {
                current.append(Point(x: min(max(position.x, -band), band), y: min(max(position.y, -band), band)))
                continue
            }
            if !current.isEmpty { runs.append(current) }
            current = []
        }
        return runs
    }
}
