import Dive
import Foundation

extension ExampleOptions {
    /// Writes `figure` as `NAME.svg` and `NAME.png` into ``outputDirectory`` (created when
    /// missing) and returns the two paths; writes nothing and returns `[]` when there is no
    /// output directory.
    ///
    /// - Throws: `PlotError.writeFailed` when the folder or a file cannot be written.
    func save(_ figure: some Figure, as name: String) throws -> [String] {
        guard let outputDirectory else { return [] }
        do {
            try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw PlotError.writeFailed(path: outputDirectory, reason: error.localizedDescription)
        }
        let paths = ["svg", "png"].map { (outputDirectory as NSString).appendingPathComponent("\(name).\($0)") }
        for path in paths { try figure.write(to: path) }
        return paths
    }
}

/// The book's plot of a minibatch loss falling over training: one point per minibatch on a
/// logarithmic axis, against the epoch (fractional within an epoch).
func lossChart(perMinibatch losses: [Float], batchesPerEpoch: Int, title: String = "Training loss") -> LineChart {
    let x = losses.indices.map { Double($0 + 1) / Double(batchesPerEpoch) }
    return LineChart(x: x, series: [Series(losses, label: "minibatch loss")], title: title,
                     xLabel: "epoch", yLabel: "loss", yScale: .logarithmic)
}
