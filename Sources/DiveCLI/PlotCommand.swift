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
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Redraw the training curves of a run from its history.csv.",
            discussion: "Writes curves.svg and curves.png into the run folder (or --out)."
        )

        @Argument(help: ArgumentHelp("The run folder, holding history.csv.", valueName: "run-dir"))
        var runDirectory: String

        @Option(help: ArgumentHelp("Where to write the pictures (default: the run folder).", valueName: "dir"))
        var out: String?

        func run() throws {
            let history = try DiveTrain.History(contentsOf: (runDirectory as NSString).appendingPathComponent("history.csv"))
            let folder = out ?? runDirectory
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let chart = LineChart.trainingCurves(history)
            for name in ["curves.svg", "curves.png"] {
                let path = (folder as NSString).appendingPathComponent(name)
                try chart.write(to: path)
                print(path)
            }
        }
    }
}
