extension LineChart {
    /// Where this chart's parts go in pixels (shared by its PNG and SVG).
    public func layout() -> ChartLayout {
        ChartLayout(self)
    }

    /// The chart laid out in pixels: grid, curves (clipped to the plot area), axes frame, ticks,
    /// labels, title and legend, back to front.
    public func scene() -> Scene {
        let layout = layout()
        let plot = layout.plotArea
        let scale = ChartLayout.textScale
        let lineHeight = BitmapFont.height(scale: scale)
        var items: [Scene.Item] = []

        let xColumns = layout.xTicks.map { tick in
            min(max(layout.position(x: tick.value, y: layout.yRange.lowerBound).x.rounded(.down), plot.x), plot.maxX - 1)
        }
        let yRows = layout.yTicks.map { tick in
            min(max(layout.position(x: layout.xRange.lowerBound, y: tick.value).y.rounded(.down), plot.y), plot.maxY - 1)
        }
        if showsGrid {
            for column in xColumns { items.append(.rectangle(Rect(x: column, y: plot.y, width: 1, height: plot.height), fill: .grid)) }
            for row in yRows { items.append(.rectangle(Rect(x: plot.x, y: row, width: plot.width, height: 1), fill: .grid)) }
        }

        let runs = series.indices.map { drawableRuns(ofSeries: $0, in: layout) }
        for (index, curveRuns) in runs.enumerated() {
            for run in curveRuns {
                items.append(.line(points: run, color: color(ofSeries: index), width: series[index].lineWidth,
                                   style: series[index].style, clip: plot))
            }
        }

        for edge in [Rect(x: plot.x, y: plot.y, width: plot.width, height: 1),
                     Rect(x: plot.x, y: plot.maxY - 1, width: plot.width, height: 1),
                     Rect(x: plot.x, y: plot.y, width: 1, height: plot.height),
                     Rect(x: plot.maxX - 1, y: plot.y, width: 1, height: plot.height)] {
            items.append(.rectangle(edge, fill: .ink))
        }
        for (tick, column) in zip(layout.xTicks, xColumns) {
            items.append(.rectangle(Rect(x: column, y: plot.maxY, width: 1, height: ChartLayout.tickLength), fill: .ink))
            items.append(.text(tick.label, position: Point(x: column + 1, y: plot.maxY + ChartLayout.tickLength + 4),
                               scale: scale, color: .ink, anchor: .middle, rotated: false))
        }
        for (tick, row) in zip(layout.yTicks, yRows) {
            items.append(.rectangle(Rect(x: plot.x - ChartLayout.tickLength, y: row, width: ChartLayout.tickLength, height: 1),
                                    fill: .ink))
            items.append(.text(tick.label, position: Point(x: plot.x - ChartLayout.tickLength - 5,
                                                           y: row - Double(BitmapFont.capHeight * scale / 2)),
                               scale: scale, color: .ink, anchor: .end, rotated: false))
        }

        let centreX = (plot.x + plot.width / 2).rounded()
        if !title.isEmpty {
            items.append(.text(title, position: Point(x: centreX, y: ChartLayout.padding), scale: scale,
                               color: .ink, anchor: .middle, rotated: false))
        }
        if !xLabel.isEmpty {
            items.append(.text(xLabel, position: Point(x: centreX, y: Double(height) - ChartLayout.padding - lineHeight),
                               scale: scale, color: .ink, anchor: .middle, rotated: false))
        }
        if !yLabel.isEmpty {
            items.append(.text(yLabel, position: Point(x: ChartLayout.padding, y: (plot.y + plot.height / 2).rounded()),
                               scale: scale, color: .ink, anchor: .middle, rotated: true))
        }
        items += legendItems(plot: plot, avoiding: runs.flatMap { $0 })
        return Scene(width: width, height: height, items: items)
    }

    /// Series `index` as pixel polylines, broken where points cannot be drawn. A point with no
    /// drawable neighbour becomes a short horizontal dash so it stays visible.
    private func drawableRuns(ofSeries index: Int, in layout: ChartLayout) -> [[Point]] {
        var runs: [[Point]] = []
        var current: [Point] = []
        for point in points(ofSeries: index) + [(x: Double.nan, y: Double.nan)] {
            if isDrawable(point) {
                current.append(layout.position(x: point.x, y: point.y))
                continue
            }
            if current.count == 1 {
                let reach = max(series[index].lineWidth, 2)
                current = [Point(x: current[0].x - reach, y: current[0].y), Point(x: current[0].x + reach, y: current[0].y)]
            }
            if !current.isEmpty { runs.append(current) }
            current = []
        }
        return runs
    }
}
