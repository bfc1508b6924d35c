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
        let epochs = history.epochs.map { Double($0.epoch) }
        let series = [
            Series(history.epochs.map(\.trainLoss), label: "train loss"),
            Series(history.epochs.map(\.trainAccuracy), label: "train acc"),
            Series(history.epochs.map { $0.testAccuracy ?? .nan }, label: "test acc"),
        ]
        return TerminalChart(x: epochs, series: series, width: 72, height: 12, usesColor: usesColor).lines()
    }

    /// Writes `curves.svg`/`.png` from the run's `history.csv`, `predictions.png`/`.svg` for the
    /// first test images, and `report.html`; returns the paths written.
    func write(model: any Layer, testSet: ImageDataset, configuration: [(name: String, value: String)],
               metrics: [(name: String, value: String)]) throws -> [String] {
        let history = try HistoryFile(contentsOf: folder.file("history.csv"))
        let curves = LineChart.trainingCurves(history)
        let predictions = predictionGrid(model: model, testSet: testSet)
        var written: [String] = []
        for (figure, name) in [(curves, "curves") as (any Figure, String), (predictions, "predictions")] {
            for format in ["svg", "png"] {
                let path = folder.file("\(name).\(format)")
                try figure.write(to: path)
                written.append(path)
            }
        }
        let table = ReportTable(
            columns: ["epoch", "train loss", "train acc", "test loss", "test acc", "seconds"],
            rows: history.rows.map { row in
                [String(row.epoch)] + [row.trainLoss, row.trainAccuracy, row.testLoss, row.testAccuracy]
                    .map { String(format: "%.4f", $0) } + [String(format: "%.1f", row.epochSeconds)]
            })
        let report = HTMLReport(
            title: "Dive training run", metrics: metrics,
            figures: [ReportFigure(curves, caption: "Training curves: loss and accuracy per epoch"),
                      ReportFigure(predictions, caption: "The first \(Self.predictionCount) test images: true label above predicted label; wrong predictions in red", asPNG: true)],
            configuration: configuration, table: table)
        let reportPath = folder.file("report.html")
        try report.write(to: reportPath)
        return written + [reportPath]
    }

    /// The first test images titled "true\npredicted", wrong predictions highlighted.
    private func predictionGrid(model: any Layer, testSet: ImageDataset) -> ImageGrid {
        let count = min(Self.predictionCount, testSet.count)
        let indices = Array(0..<count)
        let predicted = predict(model, inputs: testSet.batch(at: indices).inputs)
        let cells = indices.map { i in
            ImageGrid.Cell(
                image: GrayscaleImage(width: testSet.width, height: testSet.height, pixels: testSet.image(at: i)),
                title: testSet.classNames[testSet.labels[i]] + "\n" + testSet.classNames[predicted[i]],
                isHighlighted: predicted[i] != testSet.labels[i])
        }
        return ImageGrid(cells: cells, columns: 6, scale: 3)
    }
}
