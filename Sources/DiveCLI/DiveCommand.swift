import ArgumentParser
import Dive
import Foundation

/// `dive`: train, evaluate and inspect the models of *Dive into Deep Learning*.
@main
struct DiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dive",
        abstract: "Deep learning in Swift: the models of Dive into Deep Learning, trained on your CPU.",
        version: "\(DiveVersion.current) (\(GEMMLibrary.description))",
        subcommands: [
            TrainCommand.self,
            EvaluateCommand.self,
            PredictCommand.self,
            PlotCommand.self,
            ExampleCommand.self,
            DataCommand.self,
            BenchCommand.self,
            ExportCommand.self,
            PlaygroundCommand.self,
            InfoCommand.self,
        ]
    )

    /// Parses and runs a command. Help and version exit 0; any error (a bad option, a missing
    /// dataset, a malformed checkpoint) prints its message, without a stack trace, and exits 1.
    static func main() {
        // Past a file-size limit (ulimit -f), a write then fails with an error dive reports,
        // instead of the signal killing it mid-write.
        signal(SIGXFSZ, SIG_IGN)
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            printError(fullMessage(for: error))
            Foundation.exit(1)
        }
        do {
            try ThreadsOption.checkEnvironment()
            try command.run()
        } catch {
            // A command group run without a subcommand asks for its help: not a failure.
            if exitCode(for: error) == .success { exit(withError: error) }
            printError("Error: \(text(of: error))")
            Foundation.exit(1)
        }
    }

    /// The message for an error a command threw: Dive's errors describe themselves, file
    /// errors give the system's reason, and ArgumentParser's own (from a re-parse) its message.
    private static func text(of error: any Error) -> String {
        if error is CocoaError || error is POSIXError { return fileErrorWithPath(error) }
        return message(for: error)
    }

    private static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    }
}
