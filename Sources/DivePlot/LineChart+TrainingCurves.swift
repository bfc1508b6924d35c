extension LineChart {
    /// The book's training chart (`d2l.train_ch3`'s animator): train loss, train accuracy and test
    /// accuracy against the epoch, solid, dashed and dash-dotted.
    ///
    /// The x axis spans the first to the last epoch. The y axis spans the book's `[0.3, 0.9]`,
    /// widened to the next tenth when some value lies outside, so every point shows.
    public static func trainingCurves(_ history: HistoryFile, title: String = "", width: Int = 640,
                                      height: Int = 420) -> LineChart {
        let epochs = history.rows.map { Double($0.epoch) }
        let series = [
            Series(x: epochs, y: history.rows.map(\.trainLoss), label: "train loss"),
            Series(x: epochs, y: history.rows.map(\.trainAccuracy), label: "train acc", style: .dashed),
            Series(x: epochs, y: history.rows.map(\.testAccuracy), label: "test acc", style: .dashDot),
        ]
        let values = series.flatMap(\.y).filter(\.isFinite)
        let low = min(0.3, ((values.min() ?? 0.3) * 10).rounded(.down) / 10)
        let high = max(0.9, ((values.max() ?? 0.9) * 10).rounded(.up) / 10)
        let xLimits = epochs.count >= 2 ? epochs[0]...epochs[epochs.count - 1] : nil
        return LineChart(series: series, title: title, xLabel: "epoch", xLimits: xLimits, yLimits: low...high,
                         width: width, height: height)
    }
}
