import DiveCore
import Foundation

/// The tensors and metadata of one safetensors file.
///
/// The format (Hugging Face's, read and written by PyTorch): an 8-byte little-endian header
/// length N, a UTF-8 JSON header of N bytes (padded with spaces), then the raw little-endian data.
/// The header maps each tensor name to `{"dtype", "shape", "data_offsets": [begin, end]}`, with
/// offsets relative to the start of the data; the optional `__metadata__` entry maps strings
/// to strings.
public struct Safetensors: Sendable {
    /// The tensors in the order of their data in the file.
    public var tensors: [(name: String, tensor: Tensor)]
    /// Free-form string metadata (Dive records the architecture, epoch and optimizer here).
    public var metadata: [String: String]

    /// Tensors and metadata to be written; names must be unique.
    public init(tensors: [(name: String, tensor: Tensor)], metadata: [String: String] = [:]) {
        self.tensors = tensors
        self.metadata = metadata
    }

    /// The tensor named `name`, or nil.
    public subscript(name: String) -> Tensor? {
        tensors.first { $0.name == name }?.tensor
    }

    /// The largest header Dive accepts, as the reference implementation: 100 MB.
    public static let maximumHeaderLength = 100_000_000
}

// MARK: - Writing

extension Safetensors {
    /// The file's bytes: every tensor as F32, in order, the header padded to a multiple of 8.
    public func encoded() -> [UInt8] {
        var data: [UInt8] = []
        var entries: [String: HeaderEntry] = [:]
        for (name, tensor) in tensors {
            precondition(entries[name] == nil, "safetensors: tensor name '\(name)' appears twice")
            precondition(name != "__metadata__", "safetensors: '__metadata__' cannot name a tensor")
            let begin = data.count
            for value in tensor.scalars {
                withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
            }
            entries[name] = HeaderEntry(dtype: SafetensorsDType.f32.rawValue, shape: tensor.shape,
                                        dataOffsets: [begin, data.count])
        }
        var header = Array(Self.headerJSON(entries: entries, metadata: metadata).utf8)
        header += Array(repeating: UInt8(ascii: " "), count: (8 - header.count % 8) % 8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 + header.count + data.count)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { bytes.append(contentsOf: $0) }
        return bytes + header + data
    }

    /// Writes the file atomically (`AtomicFile`, in DiveCore): to a temporary file in the same directory,
    /// then renamed over `path`, so that a crash never leaves a truncated file in place of a good one.
    public func write(to path: String) throws(SafetensorsError) {
        do {
            try AtomicFile.write(encoded(), to: path)
        } catch {
            throw .io(file: path, reason: error.problem)
        }
    }

    private static func headerJSON(entries: [String: HeaderEntry], metadata: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var object = entries.mapValues(HeaderValue.tensor)
        if !metadata.isEmpty { object["__metadata__"] = .metadata(metadata) }
        // Encoding strings, integers and string maps cannot fail.
        return String(decoding: try! encoder.encode(object), as: UTF8.self)
    }
}

// MARK: - Header JSON

/// One tensor's entry in the header.
struct HeaderEntry: Codable {
    var dtype: String
    var shape: [Int]
    var dataOffsets: [Int]

    enum CodingKeys: String, CodingKey {
        case dtype, shape
        case dataOffsets = "data_offsets"
    }
}

/// A value of the header object: a tensor entry, or the `__metadata__` string map.
enum HeaderValue: Encodable {
    case tensor(HeaderEntry)
    case metadata([String: String])

    func encode(to encoder: any Encoder) throws {
        switch self {
        case let .tensor(entry): try entry.encode(to: encoder)
        case let .metadata(map): try map.encode(to: encoder)
        }
    }
}
