// Where the training history (DiveTrain) meets the pictures (DivePlot): the charts take its
// columns as plain series, so neither module knows the other.

extension LineChart {
    /// The book's training chart of `history`: train loss, train accuracy and test accuracy per epoch.
    public static func trainingCurves(_ history: History, title: String = "Training curves",
                                      width: Int = 640, height: Int = 480) -> LineChart {
        trainingCurves(epochs: history.epochs.map(\.epoch), trainLoss: history.epochs.map(\.trainLoss),
                       trainAccuracy: history.epochs.map(\.trainAccuracy),
                       testAccuracy: history.epochs.map { $0.testAccuracy ?? .nan },
                       title: title, width: width, height: height)
    }
}

extension TerminalChart {
    /// The live terminal version of the training chart: train loss, train accuracy and test
    /// accuracy of the epochs so far.
    public static func trainingCurves(_ history: History, width: Int = 72, height: Int = 12,
                                      usesColor: Bool = false) -> TerminalChart {
        let chart = LineChart.trainingCurves(history)
        return TerminalChart(x: [Double](), series: chart.series, width: width, height: height, usesColor: usesColor)
    }
}

extension ImageGrid {
    /// The book's `predict_ch3` picture for the first `predicted.count` images of `dataset`: each
    /// titled with its true class over the class `predicted` gives it, wrong ones in red.
    public static func predictions(of dataset: ImageDataset, predicted: [Int], columns: Int = 6) -> ImageGrid {
        let indices = Array(predicted.indices)
        let images = indices.map { GrayscaleImage(width: dataset.width, height: dataset.height, pixels: dataset.image(at: $0)) }
        return predictions(images: images, trueLabels: dataset.textLabels(indices.map { dataset.labels[$0] }),
                           predictedLabels: dataset.textLabels(predicted), columns: columns)
    }
}
