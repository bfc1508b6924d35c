import Dive
import Foundation

/// The words and numbers of a run's `report.html`: what a learner would send a friend, with
/// human labels, units and sensible rounding instead of the raw keys of `metrics.json`.
struct RunReport {
    let history: History
    let configuration: RunConfiguration
    let metrics: RunMetrics
    /// When the run finished.
    let date: Date

    /// The page, with the training curves and the prediction grid as inline SVG.
    func page(curves: LineChart, predictions: ImageGrid) -> HTMLReport {
        HTMLReport(
            title: "\(modelName) on \(datasetName)", subtitle: subtitle, metrics: metricCards,
            figures: [ReportFigure(curves, caption: "Loss and accuracy after each epoch", id: "curves"),
                      ReportFigure(predictions, caption: "The first \(RunPictures.predictionCount) test images with "
                                   + "their true and predicted labels; wrong predictions in red", id: "predictions")],
            configuration: settings, table: epochTable)
    }

    private var modelName: String {
        metrics.model == "mlp" ? "Multilayer perceptron" : "Softmax regression"
    }

    private var datasetName: String {
        configuration.dataset == "mnist" ? "MNIST" : "Fashion-MNIST"
    }

    /// "Trained on 1 Dec 2026 at 03:40 UTC · 10 epochs · SGD, learning rate 0.1, batch size 256".
    private var subtitle: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "d MMM yyyy 'at' HH:mm 'UTC'"
        return "Trained on \(formatter.string(from: date)) · \(count(metrics.epochs, "epoch")) · "
            + "\(optimizerName), learning rate \(Self.number(configuration.learningRate)), "
            + "batch size \(configuration.batchSize) · Dive \(configuration.version)"
    }

    /// The `--init` choice in words: `normal:0.01` is "normal, mean 0, standard deviation 0.01".
    private var initialization: String {
        let choice = configuration.initialization
        if choice.hasPrefix("normal:") {
            return "normal, mean 0, standard deviation \(choice.dropFirst("normal:".count)); biases 0"
        }
        return switch choice {
        case "xavier": "Xavier (Glorot) uniform; biases 0"
        case "kaiming": "Kaiming (He) normal; biases 0"
        default: "each layer's own default"
        }
    }

    private var optimizerName: String {
        configuration.optimizer == "adam" ? "Adam" : "SGD"
    }

    private var metricCards: [(name: String, value: String)] {
        var cards: [(name: String, value: String)] = []
        if let accuracy = metrics.testAccuracy { cards.append(("Test accuracy", Self.percent(accuracy))) }
        if let loss = metrics.testLoss { cards.append(("Test loss", Self.number(loss))) }
        cards.append(("Training accuracy", Self.percent(metrics.trainAccuracy)))
        cards.append(("Training loss", Self.number(metrics.trainLoss)))
        cards.append(("Time per epoch", Self.seconds(metrics.epochSeconds)))
        cards.append(("Parameters", metrics.parameters.formatted(.number.locale(Locale(identifier: "en_US")))))
        return cards
    }

    private var settings: [(name: String, value: String)] {
        let c = configuration
        var rows: [(name: String, value: String)] = [
            ("Dataset", datasetName + (c.trainSubset.map { " (first \($0) training images)" } ?? "")),
            ("Layers", c.architecture.summary),
            ("Initial weights", c.initFrom.map { "from \($0)" } ?? initialization),
            ("Optimizer", optimizerName),
            ("Learning rate", Self.number(c.learningRate)),
        ]
        if c.optimizer == "sgd" { rows.append(("Momentum", Self.number(c.momentum))) }
        rows += [
            ("Weight decay", Self.number(c.weightDecay)),
            ("Batch size", String(c.batchSize)),
            ("Epochs", String(c.epochs)),
            ("Batch order", c.shuffle ? "shuffled every epoch" : "file order"),
            ("Random seed", String(c.seed)),
            ("Threads", c.threads.map(String.init) ?? "all cores"),
        ]
        return rows
    }

    private var epochTable: ReportTable {
        ReportTable(
            columns: ["Epoch", "Training loss", "Training accuracy", "Test loss", "Test accuracy", "Time"],
            rows: history.epochs.map { record in
                [String(record.epoch), Self.number(record.trainLoss), Self.percent(record.trainAccuracy),
                 record.testLoss.map(Self.number) ?? "–", record.testAccuracy.map(Self.percent) ?? "–",
                 Self.seconds(record.seconds)]
            })
    }

    private func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }

    /// A fraction as a percentage with one decimal: `85.2%`.
    static func percent(_ fraction: Double) -> String {
        fraction.isFinite ? String(format: "%.1f%%", fraction * 100) : "–"
    }

    /// A number with three significant digits and a true minus sign: `0.381`, `1.03`, `1e−05`.
    static func number(_ value: some BinaryFloatingPoint) -> String {
        String(format: "%.3g", Double(value)).replacingOccurrences(of: "-", with: "\u{2212}")
    }

    /// A duration: `1.0 s`, `12 s`, `2 min 5 s`.
    static func seconds(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        if value < 10 { return String(format: "%.1f s", value) }
        if value < 60 { return String(format: "%.0f s", value) }
        return "\(Int(value) / 60) min \(Int(value) % 60) s"
    }
}
