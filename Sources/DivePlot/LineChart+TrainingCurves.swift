extension LineChart {
    /// The book's training chart (`d2l.train_ch3`'s animator): train loss, train accuracy and test
    /// accuracy against the epoch, solid, dashed and dash-dotted, from plain series of numbers
    /// (one value per epoch; NaN where there is none, such as a run without a test set).
    ///
    /// The x axis spans the first to the last epoch with whole-number ticks. The y axis spans the
    /// book's `[0.3, 0.9]`, widened to the next tenth when some value lies outside, so every point
    /// shows; values beyond ±1e6 (a diverged run) are left out of that range and clipped.
    ///
    /// - Precondition: the four arrays have the same length.
    public static func trainingCurves(
        epochs: [Int], trainLoss: [Double], trainAccuracy: [Double], testAccuracy: [Double],
        title: String = "Training curves", width: Int = 640, height: Int = 480
    ) -> LineChart {
        precondition([trainLoss.count, trainAccuracy.count, testAccuracy.count].allSatisfy { $0 == epochs.count },
                     "trainingCurves: \(epochs.count) epochs but \(trainLoss.count), \(trainAccuracy.count) and "
                        + "\(testAccuracy.count) values")
        let x = epochs.map(Double.init)
        let series = [
            Series(x: x, y: trainLoss, label: "train loss"),
            Series(x: x, y: trainAccuracy, label: "train acc", style: .dashed),
            Series(x: x, y: testAccuracy, label: "test acc", style: .dashDot),
        ]
        let values = series.flatMap(\.y).filter { $0.isFinite && abs($0) <= 1e6 }
        let low = min(0.3, ((values.min() ?? 0.3) * 10).rounded(.down) / 10)
        let high = max(0.9, ((values.max() ?? 0.9) * 10).rounded(.up) / 10)
        let xLimits = x.count >= 2 ? x[0]...x[x.count - 1] : nil
        return LineChart(series: series, title: title, xLabel: "epoch", xLimits: xLimits, yLimits: low...high,
                         xTicksAreIntegers: true, width: width, height: height)
    }
}
