import Dive
import Foundation
import Testing

/// A small, fast training command (a subset of Fashion-MNIST, one thread, dropout and momentum
/// so that every piece of state matters) for the resume, interruption and determinism tests.
func quickTraining(epochs: Int, out: URL, threads: Int = 1) -> [String] {
    ["train", "--train-subset", "2000", "--epochs", "\(epochs)", "--threads", "\(threads)", "--seed", "7",
     "--dropout", "0.2", "--momentum", "0.9", "--json", "--out", out.path]
}

/// The figures of a run's `metrics.json` that do not depend on timing or on the folder.
func trainingFigures(_ folder: URL) throws -> [String: Double] {
    let metrics = try jsonObject(String(contentsOf: folder.appendingPathComponent("metrics.json"), encoding: .utf8))
    var figures: [String: Double] = [:]
    for key in ["train_loss", "train_acc", "test_loss", "test_acc"] {
        figures[key] = try #require(metrics[key] as? Double)
    }
    return figures
}

/// The run's `history.csv` without the timing column.
func historyWithoutTimes(_ folder: URL) throws -> [String] {
    try String(contentsOf: folder.appendingPathComponent("history.csv"), encoding: .utf8)
        .split(separator: "\n").map { $0.split(separator: ",").dropLast().joined(separator: ",") }
}

/// The bytes of the file `name` in `folder`.
func bytes(_ name: String, in folder: URL) throws -> Data {
    try Data(contentsOf: folder.appendingPathComponent(name))
}
