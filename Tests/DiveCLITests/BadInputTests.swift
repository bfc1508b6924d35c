import Dive
import Foundation
import Testing

/// Damaged dataset files (through `dive train --data-dir`) and damaged checkpoints (through
/// `dive evaluate --checkpoint`): each gives one message naming the file, what was expected and
/// what was found, and status 1, before any work; never a crash or a stack trace.
@Suite struct BadInputTests {
    /// An IDX file: big-endian magic and sizes, then the bytes.
    static func idx(magic: UInt32, dimensions: [UInt32], payload: [UInt8]) -> [UInt8] {
        ([magic] + dimensions).flatMap { value in (0..<4).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
            + payload
    }

    static let images = idx(magic: 0x803, dimensions: [10, 28, 28], payload: [UInt8](repeating: 9, count: 7840))
    static let labels = idx(magic: 0x801, dimensions: [10], payload: (0..<10).map(UInt8.init))

    /// A damaged training-image or -label file, what it is called, and the expected message.
    enum DamagedDataset: String, CaseIterable {
        case truncatedPayload, truncatedHeader, wrongMagic, wrongElementType, extraPayload
        case countsDiffer, labelOutOfRange, namedGzipButNotGzip, truncatedGzip

        var file: (name: String, bytes: [UInt8]) {
            switch self {
            case .truncatedPayload: ("train-images-idx3-ubyte", Array(images.dropLast(5)))
            case .truncatedHeader: ("train-images-idx3-ubyte", Array(images.prefix(10)))
            case .wrongMagic: ("train-images-idx3-ubyte", [0x50, 0x4b, 3, 4] + images.dropFirst(4))
            case .wrongElementType: ("train-images-idx3-ubyte", [0, 0, 0x0d, 3] + images.dropFirst(4))
            case .extraPayload: ("train-images-idx3-ubyte", images + [0])
            case .countsDiffer: ("train-labels-idx1-ubyte", idx(magic: 0x801, dimensions: [9], payload: Array(repeating: 1, count: 9)))
            case .labelOutOfRange: ("train-labels-idx1-ubyte", idx(magic: 0x801, dimensions: [10], payload: Array(repeating: 12, count: 10)))
            case .namedGzipButNotGzip: ("train-images-idx3-ubyte.gz", images)
            case .truncatedGzip: ("train-images-idx3-ubyte.gz", Array(gzipped(images).prefix(40)))
            }
        }

        var message: String {
            switch self {
            case .truncatedPayload: "header says 10 images of 28×28 (7840 bytes) but the file holds 7835"
            case .truncatedHeader: "truncated IDX header (10 bytes, expected at least 16)"
            case .wrongMagic: "not gzip and not an IDX image file (magic 0x504b0304, expected 0x00000803)"
            case .wrongElementType: "IDX element type 0x0d, expected 0x08 (unsigned byte)"
            case .extraPayload: "header says 10 images of 28×28 (7840 bytes) but the file holds 7841"
            case .countsDiffer: "holds 10 images but"
            case .labelOutOfRange: "label 12 at index 0 is outside 0..<10"
            case .namedGzipButNotGzip: "named .gz but not gzip (starts with 00 00, expected 1f 8b)"
            case .truncatedGzip: "truncated gzip stream"
            }
        }
    }

    @Test(arguments: DamagedDataset.allCases)
    func aDamagedDatasetFileIsNamedBeforeTraining(_ damage: DamagedDataset) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for split in ["train", "t10k"] {
            try Data(Self.images).write(to: directory.appendingPathComponent("\(split)-images-idx3-ubyte"))
            try Data(Self.labels).write(to: directory.appendingPathComponent("\(split)-labels-idx1-ubyte"))
        }
        let (name, bytes) = damage.file
        let path = directory.appendingPathComponent(name)
        if name.hasSuffix(".gz") {
            try FileManager.default.removeItem(at: directory.appendingPathComponent(String(name.dropLast(3))))
        }
        try Data(bytes).write(to: path)
        let run = directory.appendingPathComponent("run")
        let result = try dive("train", "--data-dir", directory.path, "--epochs", "1", "--out", run.path)
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("Error: "))
        #expect(result.standardError.contains(path.path), "\(result.standardError)")
        #expect(result.standardError.contains(damage.message), "\(result.standardError)")
        #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: run.path))
    }

    /// A damaged safetensors header, and the message it must give.
    static let damagedCheckpoints: [(name: String, bytes: [UInt8], message: String)] = [
        ("header-past-end", header(#"{}"#, length: 4096), "header length 4096 bytes runs past the end of the 10-byte file; is it truncated?"),
        ("invalid-json", header(#"{"w": [1, "#), "invalid safetensors header: not a JSON object"),
        ("overlapping", header(#"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}"#,
                               data: 12), "tensors 'a' and 'b' overlap in the data buffer"),
        ("out-of-range", header(#"{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"#, data: 8),
         "tensor 'a': data_offsets [0, 16] are outside the 8-byte data buffer"),
        ("length-mismatch", header(#"{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,16]}}"#, data: 16),
         "tensor 'a': shape [3] of F32 needs 12 bytes, data_offsets give 16"),
        ("huge-header", header(#"{}"#, length: 1 << 40), "header length 1099511627776 bytes exceeds the limit of 100000000 bytes"),
        ("integer", header(#"{"a":{"dtype":"I32","shape":[2],"data_offsets":[0,8]}}"#, data: 8),
         "tensor 'a': dtype I32 cannot hold weights; expected F32, F16, BF16 or F64"),
        ("too-short", [1, 2, 3], "not a safetensors file: 3 bytes, fewer than the 8-byte header length"),
    ]

    @Test(arguments: damagedCheckpoints.indices)
    func aDamagedCheckpointIsNamedWithWhatIsWrong(_ index: Int) throws {
        let (name, bytes, message) = Self.damagedCheckpoints[index]
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("\(name).safetensors").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        for command in ["evaluate", "predict"] {
            let result = try dive(command, "--checkpoint", path)
            #expect(result.status == 1)
            #expect(result.standardError == "Error: \(path): \(message)\n" || result.standardError.hasPrefix("Error: \(path): \(message)"),
                    "\(result.standardError)")
            #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
        }
    }

    /// A safetensors file with `json` as its header (its length given by `length`, or the
    /// true one) and `data` zero bytes after it.
    static func header(_ json: String, length: UInt64? = nil, data: Int = 0) -> [UInt8] {
        let text = Array(json.utf8)
        return withUnsafeBytes(of: (length ?? UInt64(text.count)).littleEndian) { Array($0) } + text
            + [UInt8](repeating: 0, count: data)
    }
}

/// `bytes` compressed with the system's gzip.
private func gzipped(_ bytes: [UInt8]) -> [UInt8] {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dive-gzip-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("data")
    try? Data(bytes).write(to: file)
    _ = try? runProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", "gzip -n '\(file.path)'"])
    return (try? [UInt8](Data(contentsOf: file.appendingPathExtension("gz")))) ?? []
}
