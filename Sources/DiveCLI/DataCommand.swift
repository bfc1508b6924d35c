import ArgumentParser
import Dive
import Foundation

/// `dive data`: get the datasets the examples train on.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Download and manage datasets.",
        subcommands: [Download.self]
    )

    /// `dive data download NAME [--to DIR] [--mirror URL]`.
    struct Download: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Download a dataset, check every file's MD5 and install the files together.",
            discussion: """
                Files go to ~/.cache/dive/NAME unless --to says otherwise, where `dive train` finds \
                them. A failed download leaves no partial file behind; files already present with \
                the right checksum are kept. Every file's size is known: a server that announces \
                or sends another is refused. Ctrl-C or SIGTERM stops the download and removes the \
                partial files.
                """
        )

        @Argument(help: "The dataset: \(DatasetSource.all.map(\.name).joined(separator: " or ")).")
        var dataset: String

        @Option(name: .customLong("to"), help: ArgumentHelp("The folder to put the files in (default: ~/.cache/dive/NAME).", valueName: "dir"))
        var directory: String?

        @Option(help: ArgumentHelp("A base URL to download from instead of the dataset's official one.", valueName: "url"))
        var mirror: String?

        @Option(help: ArgumentHelp("Give up after this many seconds in all.", valueName: "seconds"))
        var timeout = 900

        func validate() throws {
            guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds, got \(timeout)") }
            guard DatasetSource.named(dataset) != nil else {
                throw ValidationError("unknown dataset '\(dataset)'; known: \(DatasetSource.all.map(\.name).joined(separator: ", "))")
            }
            if let mirror, URL(string: mirror)?.scheme.map({ ["http", "https"].contains($0) }) != true {
                throw ValidationError("--mirror must be an http:// or https:// URL, got '\(mirror)'")
            }
        }

        func run() throws {
            var source = DatasetSource.named(dataset)!
            if let mirror { source = source.replacingMirrors(with: URL(string: mirror)!) }
            let target = directory ?? (NSHomeDirectory() as NSString).appendingPathComponent(".cache/dive/\(source.name)")
            let printer = ProgressPrinter()
            let interruption = Interruption(cleaning: target, stopping: "stopping the download")
            let paths: [String]
            do {
                paths = try DatasetDownloader(source: source, timeout: timeout)
                    .download(to: target, report: { printer.show($0) }, shouldStop: { interruption.received != nil })
            } catch {
                switch error {
                case .interrupted:
                    FileHandle.standardError.write(Data("\(error)\n".utf8))
                    Foundation.exit(interruption.exitStatus)
                case .timedOut: throw CommandError("\(error) (--timeout \(timeout)); nothing was installed")
                default: throw error
                }
            }
            print("\(source.name): \(paths.count) files in \(target)")
        }
    }
}

/// Writes download progress to standard error: a line per file, with the percentage rewritten
/// in place on a terminal and in steps of 10 % otherwise.
private final class ProgressPrinter: @unchecked Sendable {
    // Events arrive one at a time (the downloader fetches one file after another), so no lock.
    private var lastShown = -1
    private let isTerminal = isatty(STDERR_FILENO) != 0

    func show(_ event: DatasetDownloader.Event) {
        switch event {
        case let .alreadyPresent(file):
            write("\(file): already present, checksum OK\n")
        case let .started(file, url):
            lastShown = -1
            write("\(file): downloading \(url.absoluteString)\n")
        case let .progress(file, received, expected):
            guard let expected, expected > 0 else { return }
            let megabytes = String(format: "%.1f MB", Double(received) / 1_000_000)
            let percent = Int(received * 100 / expected)
            let step = isTerminal ? 1 : 10
            guard percent / step > lastShown / step || lastShown < 0 else { return }
            lastShown = percent
            write(isTerminal ? "\r\(file): \(megabytes) (\(percent)%)" : "\(file): \(megabytes) (\(percent)%)\n")
            if isTerminal && percent == 100 { write("\n") }
        case let .verified(file):
            write("\(file): checksum OK\n")
        case let .retrying(file, error):
            write("\(file): \(error); trying the next mirror\n")
        }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
