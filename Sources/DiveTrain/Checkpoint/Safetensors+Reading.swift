import DiveCore
import Foundation

extension Safetensors {
    /// Reads and validates the safetensors file at `path`.
    ///
    /// Every tensor is converted to `Float` (from F32, F16, BF16 or F64). Throws a
    /// ``SafetensorsError`` naming the file and the problem: a header length past the end or
    /// above 100 MB, invalid JSON, a missing or ill-typed field, an unknown or integer dtype,
    /// offsets outside the buffer, overlapping or leaving bytes uncovered, or a byte length that
    /// disagrees with the shape.
    public init(contentsOf path: String) throws(SafetensorsError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw .io(file: path, reason: !exists ? "no such file"
                      : isDirectory.boolValue ? "a folder, not a safetensors file" : "cannot read the file")
        }
        try self.init(decoding: [UInt8](data), file: path)
    }

    /// Decodes the bytes of a safetensors file; `file` names it in errors.
    public init(decoding bytes: [UInt8], file: String) throws(SafetensorsError) {
        guard bytes.count >= 8 else { throw .tooShort(file: file, size: bytes.count) }
        let length = bytes[0..<8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        // A header length that cannot be right: first see whether the file is of another kind.
        if length > UInt64(bytes.count - 8), let format = Self.otherFormat(startingWith: bytes.prefix(8)) {
            throw .otherFormat(file: file, format: format)
        }
        guard length <= UInt64(Self.maximumHeaderLength) else {
            throw .headerTooLarge(file: file, length: length, limit: Self.maximumHeaderLength)
        }
        guard length <= UInt64(bytes.count - 8) else {
            throw .headerPastEnd(file: file, length: length, fileSize: bytes.count)
        }
        let dataStart = 8 + Int(length)
        let entries = try Self.parseHeader(bytes[8..<dataStart], file: file)
        let bufferSize = bytes.count - dataStart
        try Self.checkLayout(entries.tensors, bufferSize: bufferSize, file: file)

        var tensors: [(name: String, tensor: Tensor)] = []
        for entry in entries.tensors {
            let values = bytes.withUnsafeBytes { raw in
                entry.dtype.decode(UnsafeRawBufferPointer(rebasing: raw[(dataStart + entry.begin)..<(dataStart + entry.end)]),
                                   count: entry.elementCount)
            }
            tensors.append((entry.name, Tensor(values, shape: entry.shape)))
        }
        self.init(tensors: tensors, metadata: entries.metadata)
    }
}

extension Safetensors {
    /// The kind of file that starts with `prefix`, when it is a common one that is not
    /// safetensors: PNG, gzip, zip (PyTorch's `.pt`/`.pth`), JSON.
    static func otherFormat(startingWith prefix: ArraySlice<UInt8>) -> String? {
        let bytes = Array(prefix)
        let known: [(magic: [UInt8], name: String)] = [
            ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
            ([0x1F, 0x8B], "gzip-compressed; decompress it first"),
            ([0x50, 0x4B, 0x03, 0x04], "a zip archive, as PyTorch's torch.save writes (.pt, .pth); save it with "
                + "safetensors.torch.save_file instead"),
            ([0x80], "a Python pickle; save it with safetensors.torch.save_file instead"),
        ]
        if let match = known.first(where: { bytes.starts(with: $0.magic) }) { return match.name }
        let text = bytes.drop { [0x20, 0x09, 0x0A, 0x0D].contains($0) }
        if let first = text.first, first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return "JSON text" }
        return nil
    }
}

/// A validated header entry.
private struct Entry {
    var name: String
    var dtype: SafetensorsDType
    var shape: [Int]
    var begin: Int
    var end: Int
    var elementCount: Int { shape.reduce(1, *) }
}

extension Safetensors {
    /// Parses the JSON header into entries sorted by offset, and the metadata.
    private static func parseHeader(_ header: ArraySlice<UInt8>, file: String)
        throws(SafetensorsError) -> (tensors: [Entry], metadata: [String: String]) {
        let object: [String: JSONValue]
        do {
            object = try JSONDecoder().decode([String: JSONValue].self, from: Data(header))
        } catch {
            throw .invalidHeader(file: file, reason: "not a JSON object (\(describe(error)))")
        }
        var metadata: [String: String] = [:]
        var tensors: [Entry] = []
        for (name, value) in object {
            if name == "__metadata__" {
                guard case let .object(map) = value else {
                    throw .invalidHeader(file: file, reason: "__metadata__ must map strings to strings")
                }
                for (key, item) in map {
                    guard case let .string(text) = item else {
                        throw .invalidHeader(file: file, reason: "__metadata__ value for '\(key)' is not a string")
                    }
                    metadata[key] = text
                }
            } else {
                tensors.append(try entry(named: name, from: value, file: file))
            }
        }
        return (tensors.sorted { ($0.begin, $0.end, $0.name) < ($1.begin, $1.end, $1.name) }, metadata)
    }

    private static func entry(named name: String, from value: JSONValue, file: String) throws(SafetensorsError) -> Entry {
        func invalid(_ reason: String) -> SafetensorsError { .invalidEntry(file: file, tensor: name, reason: reason) }
        guard case let .object(fields) = value else { throw invalid("entry is not a JSON object") }
        guard case let .string(dtypeName) = fields["dtype"] else { throw invalid("missing string field 'dtype'") }
        guard let shape = fields["shape"]?.integers, shape.allSatisfy({ $0 >= 0 }) else {
            throw invalid("'shape' must be a list of non-negative integers")
        }
        // Every stride must fit in an Int, even when a zero dimension makes the tensor empty.
        let (_, overflow) = shape.reduce((1, false)) { acc, dim in
            let product = acc.0.multipliedReportingOverflow(by: max(dim, 1))
            return (product.partialValue, acc.1 || product.overflow)
        }
        guard !overflow else { throw invalid("'shape' \(shape) is too large") }
        guard let offsets = fields["data_offsets"]?.integers, offsets.count == 2 else {
            throw invalid("'data_offsets' must be a list of two integers")
        }
        guard let dtype = SafetensorsDType(rawValue: dtypeName) else {
            throw .unknownDType(file: file, tensor: name, dtype: dtypeName)
        }
        guard dtype.isReadable else { throw .unsupportedDType(file: file, tensor: name, dtype: dtypeName) }
        return Entry(name: name, dtype: dtype, shape: shape, begin: offsets[0], end: offsets[1])
    }

    /// Checks that the entries (sorted by offset) tile the data buffer exactly.
    private static func checkLayout(_ entries: [Entry], bufferSize: Int, file: String) throws(SafetensorsError) {
        var covered = 0
        var previous: String?
        for entry in entries {
            guard entry.begin >= 0, entry.begin <= entry.end, entry.end <= bufferSize else {
                throw .offsetsOutOfRange(file: file, tensor: entry.name, begin: entry.begin, end: entry.end,
                                         bufferSize: bufferSize)
            }
            let (count, overflow) = entry.shape.reduce((1, false)) { acc, dim in
                let product = acc.0.multipliedReportingOverflow(by: dim)
                return (product.partialValue, acc.1 || product.overflow)
            }
            let expected = count.multipliedReportingOverflow(by: entry.dtype.byteSize)
            guard !overflow, !expected.overflow, expected.partialValue == entry.end - entry.begin else {
                throw .byteLengthMismatch(file: file, tensor: entry.name, shape: entry.shape,
                                          dtype: entry.dtype.rawValue,
                                          expected: overflow || expected.overflow ? Int.max : expected.partialValue,
                                          found: entry.end - entry.begin)
            }
            if entry.begin < covered, let previous {
                throw .overlappingTensors(file: file, first: previous, second: entry.name)
            }
            if entry.begin > covered { throw .uncoveredBytes(file: file, begin: covered, end: entry.begin) }
            covered = entry.end
            previous = entry.name
        }
        if covered < bufferSize { throw .uncoveredBytes(file: file, begin: covered, end: bufferSize) }
    }

    private static func describe(_ error: any Error) -> String {
        if case let DecodingError.dataCorrupted(context) = error {
            return context.underlyingError.map { "\($0)" } ?? context.debugDescription
        }
        if case let DecodingError.typeMismatch(_, context) = error { return context.debugDescription }
        return "\(error)"
    }
}

/// Any JSON value, for checking a header field by field.
enum JSONValue: Decodable {
    case null, bool(Bool), integer(Int), number(Double), string(String)
    case array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    /// The elements of an array of integers, or nil for anything else.
    var integers: [Int]? {
        guard case let .array(items) = self else { return nil }
        var result: [Int] = []
        for item in items {
            guard case let .integer(value) = item else { return nil }
            result.append(value)
        }
        return result
    }
}
