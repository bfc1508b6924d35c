import Foundation
import Testing

/// What one run of the `dive` binary printed and how it exited.
struct DiveResult: Sendable {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

/// Runs the built `dive` binary: `$DIVE_BINARY` when set (as `make test` does), otherwise the
/// newest of `.build/debug/dive` and `.build/release/dive` in this package.
func dive(_ arguments: String...) throws -> DiveResult { try dive(arguments) }

/// Runs the built `dive` binary with `arguments`; see ``dive(_:)-(String...)``.
func dive(_ arguments: [String]) throws -> DiveResult {
    try runProcess(diveBinary(), arguments)
}

/// Starts `dive` with `arguments`, waits until its standard error contains `marker`, then sends
/// it `signals` one after the other and waits for its end.
func dive(_ arguments: [String], after marker: String, sending signals: [Int32]) throws -> DiveResult {
    try runProcess(diveBinary(), arguments) { process, standardError in
        while process.isRunning, !((try? String(contentsOf: standardError, encoding: .utf8)) ?? "").contains(marker) {
            usleep(5_000)
        }
        for signal in signals { kill(process.processIdentifier, signal) }
    }
}

/// Runs `executable` with `arguments` to its end, capturing what it prints; `whileRunning`
/// gets the process and its standard error's file as soon as it has started.
func runProcess(_ executable: URL, _ arguments: [String],
                whileRunning: (Process, URL) throws -> Void = { _, _ in }) throws -> DiveResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dive-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    // Files rather than pipes, so that a chatty process never blocks on a full pipe.
    let outURL = directory.appendingPathComponent("out"), errURL = directory.appendingPathComponent("err")
    try Data().write(to: outURL)
    try Data().write(to: errURL)
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    try process.run()
    try whileRunning(process, errURL)
    process.waitUntilExit()
    return DiveResult(status: process.terminationStatus,
                      standardOutput: try String(contentsOf: outURL, encoding: .utf8),
                      standardError: try String(contentsOf: errURL, encoding: .utf8))
}

/// The package's root folder.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The `dive` binary the tests run.
func diveBinary() throws -> URL {
    if let path = ProcessInfo.processInfo.environment["DIVE_BINARY"] { return URL(fileURLWithPath: path) }
    let root = packageRoot
    let candidates = ["debug", "release"].map { root.appendingPathComponent(".build/\($0)/dive") }
    let built = candidates.compactMap { url -> (URL, Date)? in
        let date = try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
        return date.map { (url, $0) }
    }
    return try #require(built.max { $0.1 < $1.1 }?.0,
                        "no dive binary: build it (swift build --product dive) or set DIVE_BINARY")
}

/// A fresh temporary directory, removed by the caller.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dive-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Parses one JSON object.
func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

/// One reduced real run, `dive train --epochs 1 --json` (the book's MLP on Fashion-MNIST), made
/// once and shared by the tests that need its run folder or checkpoint.
final class TrainedRun: Sendable {
    let result: DiveResult
    let folder: URL

    private init() throws {
        folder = try temporaryDirectory().appendingPathComponent("run")
        result = try dive("train", "--epochs", "1", "--json", "--out", folder.path)
    }

    /// The checkpoint the run wrote.
    var checkpoint: String { folder.appendingPathComponent("model.safetensors").path }

    /// The shared run, or the error that prevented it.
    static let shared = Result { try TrainedRun() }
}
