import ArgumentParser
import DivePlayground
import Foundation

/// `dive playground [--host 127.0.0.1] [--port 8080] [--open]`: the TensorFlow Playground,
/// trained live by Dive, served on a local web page.
struct PlaygroundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "playground",
        abstract: "Serve a local web page that trains a small network on 2-D data while you watch.",
        discussion: """
            Links from playground.tensorflow.org open the same setup (replace the address before \
            the '#'). The page is built into dive; it needs no network. Stop with Ctrl-C.
            """
    )

    @Option(help: ArgumentHelp("The address to listen on; 0.0.0.0 opens it to other machines.", valueName: "address"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("The port to listen on; 0 picks a free one.", valueName: "port"))
    var port = 8080

    @Flag(help: "Open the page in the default browser.")
    var open = false

    @Flag(help: "Print the speed of one training step and one state frame, then exit (serves nothing).")
    var benchmark = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, got \(port)") }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
    }

    func run() throws {
        if benchmark {
            for figure in PlaygroundBenchmark.run() {
                let time = figure.median < 1e-3 ? String(format: "%.1f µs", figure.median * 1e6)
                                                 : String(format: "%.2f ms", figure.median * 1e3)
                print("\(figure.name): \(time) (median of \(figure.samples))")
            }
            return
        }
        let (host, port, open) = (self.host, self.port, self.open)
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await PlaygroundServer.run(host: host, port: port) { url in
                    print("Dive playground: \(url)  (Ctrl-C stops it)")
                    fflush(nil)
                    if open { Self.openBrowser(url) }
                }
            } catch {
                outcome.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw CommandError("\(error)") }
        print("Dive playground stopped.")
    }

    /// The server's end: nil when it stopped on a signal.
    private final class Outcome: @unchecked Sendable { var error: (any Error)? }

    private static func openBrowser(_ url: String) {
        let process = Process()
        #if os(macOS)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/open")
        #else
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open"]
        #endif
        process.arguments = (process.arguments ?? []) + [url]
        do { try process.run() } catch {
            FileHandle.standardError.write(Data("could not open a browser (\(error)); open \(url) yourself\n".utf8))
        }
    }
}
