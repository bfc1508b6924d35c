import ArgumentParser
import Dive
import Foundation

/// `dive plot`: the book's pictures as SVG and PNG files.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Draw the book's pictures as SVG and PNG files.",
        subcommands: [History.self]
    )

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
            let history = try HistoryFile(contentsOf: (runDirectory as NSString).appendingPathComponent("history.csv"))
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
