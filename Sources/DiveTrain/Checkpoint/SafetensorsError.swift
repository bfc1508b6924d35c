/// A safetensors file that cannot be read or written, naming the file and what is wrong.
public enum SafetensorsError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The file could not be opened, read or written.
    case io(file: String, reason: String)
    /// A file of another kind (a PNG image, a zip archive, …), recognised by its first bytes.
    case otherFormat(file: String, format: String)
    /// Fewer than the 8 bytes that hold the header length.
    case tooShort(file: String, size: Int)
    /// A header length above the 100 MB limit (a corrupt or hostile file).
    case headerTooLarge(file: String, length: UInt64, limit: Int)
    /// A header that would end past the end of the file.
    case headerPastEnd(file: String, length: UInt64, fileSize: Int)
    /// A header that is not a JSON object of the expected form.
    case invalidHeader(file: String, reason: String)
    /// A tensor entry with missing or ill-typed fields.
    case invalidEntry(file: String, tensor: String, reason: String)
    /// A dtype name that safetensors does not define.
    case unknownDType(file: String, tensor: String, dtype: String)
    /// A valid dtype that cannot hold weights (integers, booleans, 8-bit floats).
    case unsupportedDType(file: String, tensor: String, dtype: String)
    /// Offsets that leave the data buffer or run backwards.
    case offsetsOutOfRange(file: String, tensor: String, begin: Int, end: Int, bufferSize: Int)
    /// Two tensors whose bytes overlap.
    case overlappingTensors(file: String, first: String, second: String)
    /// Bytes of the data buffer that no tensor covers.
    case uncoveredBytes(file: String, begin: Int, end: Int)
    /// A byte range whose length disagrees with shape × dtype size.
    case byteLengthMismatch(file: String, tensor: String, shape: [Int], dtype: String, expected: Int, found: Int)

    /// The message: the file, then what is wrong with it.
    public var description: String {
        switch self {
        case let .io(file, reason):
            "\(file): \(reason)"
        case let .otherFormat(file, format):
            "\(file): not a safetensors file: it is \(format)"
        case let .tooShort(file, size):
            "\(file): not a safetensors file: \(size) bytes, fewer than the 8-byte header length"
        case let .headerTooLarge(file, length, limit):
            "\(file): header length \(length) bytes exceeds the limit of \(limit) bytes; the file is corrupt"
        case let .headerPastEnd(file, length, fileSize):
            "\(file): header length \(length) bytes runs past the end of the \(fileSize)-byte file; is it truncated?"
        case let .invalidHeader(file, reason):
            "\(file): invalid safetensors header: \(reason)"
        case let .invalidEntry(file, tensor, reason):
            "\(file): tensor '\(tensor)': \(reason)"
        case let .unknownDType(file, tensor, dtype):
            "\(file): tensor '\(tensor)': unknown dtype '\(dtype)'"
        case let .unsupportedDType(file, tensor, dtype):
            "\(file): tensor '\(tensor)': dtype \(dtype) cannot hold weights; expected F32, F16, BF16 or F64"
        case let .offsetsOutOfRange(file, tensor, begin, end, bufferSize):
            "\(file): tensor '\(tensor)': data_offsets [\(begin), \(end)] are outside the \(bufferSize)-byte data buffer"
        case let .overlappingTensors(file, first, second):
            "\(file): tensors '\(first)' and '\(second)' overlap in the data buffer"
        case let .uncoveredBytes(file, begin, end):
            "\(file): bytes \(begin)..<\(end) of the data buffer belong to no tensor"
        case let .byteLengthMismatch(file, tensor, shape, dtype, expected, found):
            "\(file): tensor '\(tensor)': shape \(shape) of \(dtype) needs \(expected) bytes, data_offsets give \(found)"
        }
    }
}
