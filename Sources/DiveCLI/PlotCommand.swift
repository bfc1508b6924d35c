import ArgumentParser
import Dive
import DiveExamples
import Foundation

/// `dive plot`: the book's pictures as SVG and PNG files.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Draw the book's pictures as SVG and PNG files.",
        subcommands: [Activations.self, History.self]
    )

    /// `dive plot activations`: the book's activation functions and their autograd gradients.
    struct Activations: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Plot ReLU, PReLU, sigmoid and tanh and their gradients computed by autograd.",
            discussion: "x runs over [-8, 8) in steps of 0.1, as in the book; the same figures as `dive example activations`."
        )

        @Option(help: ArgumentHelp("Where to write the pictures.", valueName: "dir"))
        var out = "runs/plots/activations"

        func run() throws {
            let example = Examples.named("activations")!
            let result = try example.run(ExampleOptions(outputDirectory: out, printer: ExamplePrinter { _ in }))
            result.files.forEach { print($0) }
        }
    }

    /// `dive plot history RUN_DIR`: redraws the training curves of an earlier run.
    ///
    /// The history must be one that `dive train` could have written: epochs 1, 2, … in order,
    /// and figures within float32's range (NaN and infinities, from a diverged run, are drawn
    /// as gaps).
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Redraw the training curves of a run from its history.csv.",
            discussion: "Writes curves.svg and curves.png into the run folder (or --out)."
        )

        @Argument(help: ArgumentHelp("The run folder, holding history.csv.", valueName: "run-dir"))
        var runDirectory: String

        @Option(help: ArgumentHelp("The folder to write the pictures to, created if missing (default: the run folder).", valueName: "dir"))
        var out: String?

        func run() throws {
            let path = (runDirectory as NSString).appendingPathComponent("history.csv")
            let history = try DiveTrain.History(contentsOf: path)
            try Self.checkOrder(history, path: path)
            let folder = try RunFolder(creating: out ?? runDirectory)
            let chart = LineChart.trainingCurves(history)
            for name in ["curves.svg", "curves.png"] {
                let path = folder.file(name)
                do {
                    try chart.write(to: path)
                } catch {
                    throw CommandError("cannot write \(path): \(error)")
                }
                print(path)
            }
        }

        /// Throws, naming the row, when `history` holds an epoch out of order, which no run writes.
        /// (Figures far beyond a float32 run's range are drawn: the chart leaves them out of its scale.)
        static func checkOrder(_ history: DiveTrain.History, path: String) throws {
            for (index, record) in history.epochs.enumerated() where record.epoch != index + 1 {
                throw CommandError("\(path): row \(index + 1) is for epoch \(record.epoch), expected \(index + 1); "
                                   + "dive train writes epochs 1, 2, … in order")
            }
        }
    }
}
