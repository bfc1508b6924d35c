import Dive
import Foundation

/// The pictures of a training run, as the book shows them: the training curves of `train_ch3`,
/// the test images titled with true and predicted labels of `predict_ch3`, and a report that
/// holds them with the run's figures.
struct RunPictures {
    /// How many test images the prediction grid shows (the book shows 6 to 18).
    static let predictionCount = 18

    let folder: RunFolder

    /// The curves chart of the history so far, for the live terminal chart: train loss, train
    /// accuracy and test accuracy against the epoch.
    static func terminalChart(of history: History, usesColor: Bool) -> [String] {
        TerminalChart.trainingCurves(history, usesColor: usesColor).lines()
    }

    /// Writes `curves.svg`/`.png` and `predictions.svg`/`.png` for the first test images, and
    /// `report.html`; returns the paths written.
    func write(model: any Layer, testSet: ImageDataset, history: History, configuration: RunConfiguration,
               metrics: RunMetrics) throws -> [String] {
        let curves = LineChart.trainingCurves(history)
        let first = testSet.batch(at: Array(0..<min(Self.predictionCount, testSet.count)))
        let predictions = ImageGrid.predictions(of: testSet, predicted: predict(model, inputs: first.inputs))
        var written: [String] = []
        for (figure, name) in [(curves, "curves") as (any Figure, String), (predictions, "predictions")] {
            for format in ["svg", "png"] {
                let path = folder.file("\(name).\(format)")
                try figure.write(to: path)
                written.append(path)
            }
        }
        let report = RunReport(history: history, configuration: configuration, metrics: metrics, date: Date())
            .page(curves: curves, predictions: predictions)
        let reportPath = folder.file("report.html")
        try report.write(to: reportPath)
        return written + [reportPath]
    }
}
