import ArgumentParser
import Dive

/// `dive`: train, evaluate and inspect the models of *Dive into Deep Learning*.
@main
struct DiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dive",
        abstract: "Deep learning in Swift: the models of Dive into Deep Learning, trained on your CPU.",
        version: DiveVersion.current,
        subcommands: [BenchCommand.self, DataCommand.self, ExampleCommand.self]
    )
}
