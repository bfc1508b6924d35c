import Foundation
import Testing

/// Runs the built `dive` binary; downloads only ever point at 127.0.0.1.
@Suite struct DataCommandTests {
    @Test func unknownDatasetIsRejectedWithStatus1() throws {
        let result = try runDive(["data", "download", "cifar-100"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("unknown dataset 'cifar-100'; known: fashion-mnist, mnist"))
    }

    @Test func mirrorMustBeHTTP() throws {
        let result = try runDive(["data", "download", "mnist", "--mirror", "ftp://127.0.0.1/"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("--mirror must be an http:// or https:// URL"))
    }

    @Test func failedDownloadExitsNonZeroAndLeavesNothing() throws {
        let target = NSTemporaryDirectory() + "dive-cli-data-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: target) }
        // Nothing listens on port 1 of the loopback interface, so the connection is refused.
        let result = try runDive(["data", "download", "fashion-mnist", "--to", target, "--mirror", "http://127.0.0.1:1/"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("http://127.0.0.1:1/train-images-idx3-ubyte.gz: download failed"))
        #expect(result.standardError.contains("train-images-idx3-ubyte.gz: downloading http://127.0.0.1:1/"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: target).isEmpty)
    }

    @Test func helpDescribesTheOptions() throws {
        let result = try runDive(["data", "download", "--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("--to <dir>"))
        #expect(result.standardOutput.contains("--mirror <url>"))
    }
}

/// The `dive` binary: `$DIVE_BINARY` when set, else the package's debug or release build.
private func diveBinary() throws -> String {
    if let path = ProcessInfo.processInfo.environment["DIVE_BINARY"], !path.isEmpty { return path }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let candidates = ["debug", "release"].map { root.appendingPathComponent(".build/\($0)/dive").path }
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: candidates.joined(separator: " or ")])
    }
    return found
}

/// Runs `dive` with `arguments` and a temporary home, and returns its exit status and output.
private func runDive(_ arguments: [String]) throws -> (status: Int32, standardOutput: String, standardError: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try diveBinary())
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["HOME"] = NSTemporaryDirectory() + "dive-cli-home-\(UUID().uuidString)"
    process.environment = environment
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    // Read before waiting so that a full pipe cannot block the child.
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
}
