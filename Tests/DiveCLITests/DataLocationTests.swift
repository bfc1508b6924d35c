import Dive
import Foundation
import Testing

/// Where `dive train` takes its data from, and the data it refuses: each case runs the real
/// `dive` on a small dataset written by the test.
@Suite struct DataLocationTests {
    /// An IDX file: big-endian magic and sizes, then the bytes.
    static func idx(magic: UInt32, dimensions: [Int], payload: [UInt8]) -> [UInt8] {
        ([magic] + dimensions.map(UInt32.init)).flatMap { value in
            (0..<4).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
        } + payload
    }

    /// Writes `count` images of `size`×`size` for `split` ("train" or "t10k") into `folder`.
    static func write(_ split: String, count: Int, size: Int = 28, seed: UInt8 = 0, into folder: URL) throws {
        let pixels = (0..<count * size * size).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ Int(seed)) }
        try Data(idx(magic: 0x803, dimensions: [count, size, size], payload: pixels))
            .write(to: folder.appendingPathComponent("\(split)-images-idx3-ubyte"))
        try Data(idx(magic: 0x801, dimensions: [count], payload: (0..<count).map { UInt8($0 % 10) }))
            .write(to: folder.appendingPathComponent("\(split)-labels-idx1-ubyte"))
    }

    /// A folder holding a tiny dataset of 28×28 images: 20 for training, 10 for testing.
    static func tinyDataset(in directory: URL) throws -> URL {
        let data = directory.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try write("train", count: 20, into: data)
        try write("t10k", count: 10, into: data)
        return data
    }

    @Test func aGivenFolderThatDoesNotExistIsAnError() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = directory.appendingPathComponent("run")
        let result = try dive("train", "--data-dir", "/nonexistent", "--epochs", "1", "--out", run.path)
        #expect(result.status == 1)
        #expect(result.standardError == "Error: fashion-mnist: the folder /nonexistent given by --data-dir does not exist\n")
        #expect(!FileManager.default.fileExists(atPath: run.path))
    }

    @Test func aFolderWithOnlyTheTestFilesIsNotMixedWithTheSystemsTrainingFiles() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.write("t10k", count: 10, into: directory)
        let result = try dive("train", "--data-dir", directory.path, "--epochs", "1", "--out", directory.appendingPathComponent("run").path)
        #expect(result.status == 1)
        #expect(result.standardError.contains("\(directory.path) (given by --data-dir) has no train-images-idx3-ubyte[.gz], "
                                              + "train-labels-idx1-ubyte[.gz]"), "\(result.standardError)")
    }

    @Test func theAbsoluteFolderActuallyReadIsRecorded() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = try Self.tinyDataset(in: directory)
        // The same folder, given relative to the working directory.
        let depth = FileManager.default.currentDirectoryPath.split(separator: "/").count
        let relative = String(repeating: "../", count: depth) + data.path.dropFirst()
        let run = directory.appendingPathComponent("run")
        let result = try dive("train", "--data-dir", relative, "--epochs", "1", "--out", run.path)
        #expect(result.status == 0, "\(result.standardError)")
        let config = try jsonObject(String(contentsOf: run.appendingPathComponent("config.json"), encoding: .utf8))
        #expect(config["data_dir"] as? String == data.standardizedFileURL.path)
    }

    @Test func resumingOnOtherDataIsRefusedNamingTheDifference() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = try Self.tinyDataset(in: directory)
        let run = directory.appendingPathComponent("run")
        let first = try dive("train", "--data-dir", data.path, "--epochs", "1", "--out", run.path)
        #expect(first.status == 0, "\(first.standardError)")
        try Self.write("train", count: 30, seed: 1, into: data)
        let resumed = try dive("train", "--resume", run.path, "--epochs", "2")
        #expect(resumed.status == 1)
        #expect(resumed.standardError.contains("--resume: the data in \(data.standardizedFileURL.path) is not the data the run trained on: "
                                               + "training 30 images of 28×28, CRC-32 "), "\(resumed.standardError)")
        #expect(resumed.standardError.contains("(saved: 20 images of 28×28, CRC-32 "), "\(resumed.standardError)")
        #expect(!resumed.standardError.contains("test "), "only the training split differs: \(resumed.standardError)")
    }

    @Test func aStaleCheckpointTemporaryIsRemovedByTheNextRun() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = try Self.tinyDataset(in: directory)
        let run = directory.appendingPathComponent("run")
        #expect(try dive("train", "--data-dir", data.path, "--epochs", "1", "--out", run.path).status == 0)
        // A process killed (SIGKILL) in the middle of writing the checkpoint leaves its temporary file.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/sh")
        child.arguments = ["-c", #"printf 'half a checkpoint' > "$0/.checkpoint.safetensors.$$.tmp"; kill -9 $$"#, run.path]
        try child.run()
        child.waitUntilExit()
        let stale = ".checkpoint.safetensors.\(child.processIdentifier).tmp"
        #expect(FileManager.default.fileExists(atPath: run.appendingPathComponent(stale).path))
        let resumed = try dive("train", "--resume", run.path, "--epochs", "2")
        #expect(resumed.status == 0, "\(resumed.standardError)")
        let names = try FileManager.default.contentsOfDirectory(atPath: run.path)
        #expect(!names.contains { $0.hasSuffix(".tmp") }, "\(names)")
    }

    @Test func imagesOfDifferentSizesAreRefusedBeforeTraining() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.write("train", count: 20, size: 28, into: directory)
        try Self.write("t10k", count: 10, size: 10, into: directory)
        let run = directory.appendingPathComponent("run")
        let result = try dive("train", "--data-dir", directory.path, "--epochs", "1", "--out", run.path)
        #expect(result.status == 1)
        #expect(result.standardError == "Error: \(directory.path)/train-images-idx3-ubyte holds images of 28×28 but "
                + "\(directory.path)/t10k-images-idx3-ubyte holds images of 10×10; the training and test images must have the same size\n")
        #expect(!FileManager.default.fileExists(atPath: run.path))
    }

    @Test(arguments: [(0, 28, "holds no images, expected at least one"), (20, 0, "images of 0×0 pixels, expected at least 1×1")])
    func emptyTrainingDataIsRefused(count: Int, size: Int, message: String) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.write("train", count: count, size: size, into: directory)
        try Self.write("t10k", count: 10, size: size, into: directory)
        let result = try dive("train", "--data-dir", directory.path, "--epochs", "1", "--out", directory.appendingPathComponent("run").path)
        #expect(result.status == 1)
        #expect(result.standardError == "Error: \(directory.path)/train-images-idx3-ubyte: \(message)\n")
    }

    @Test func aFIFONamedLikeADatasetFileIsRefusedWithoutHanging() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.write("t10k", count: 10, into: directory)
        try Self.write("train", count: 20, into: directory)
        let fifo = directory.appendingPathComponent("train-images-idx3-ubyte").path
        try FileManager.default.removeItem(atPath: fifo)
        #expect(mkfifo(fifo, 0o600) == 0)
        // A writer opening without blocking succeeds only while a reader waits in open(2): then
        // dive is released and the test fails below instead of hanging.
        let writerFoundAReader = Locked(false)
        let attempt = DispatchSemaphore(value: 0)
        Thread {
            Thread.sleep(forTimeInterval: 3)
            let descriptor = open(fifo, O_WRONLY | O_NONBLOCK)
            if descriptor >= 0 { close(descriptor) }
            writerFoundAReader.set(descriptor >= 0)
            attempt.signal()
        }.start()
        let result = try dive("train", "--data-dir", directory.path, "--epochs", "1", "--out", directory.appendingPathComponent("run").path)
        #expect(result.status == 1)
        #expect(result.standardError == "Error: \(fifo): a FIFO (named pipe), not a regular file; expected an IDX file\n")
        attempt.wait()
        #expect(!writerFoundAReader.value, "dive waited on the FIFO")
    }
}

/// A value shared between threads.
private final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func set(_ value: Value) { lock.withLock { stored = value } }
}
