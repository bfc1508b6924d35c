/// What is wrong with an IDX file (the format of MNIST and Fashion-MNIST), with the file's path,
/// what was found and what was expected.
public enum IDXError: Error, Equatable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(file: String, reason: String)
    /// The file's name ends in `.gz` but its contents do not start with the gzip magic `1f 8b`.
    case notGzip(file: String, firstBytes: [UInt8])
    /// The gzip stream is damaged (zlib's `detail`).
    case corruptGzip(file: String, detail: String)
    /// The gzip stream ends early, after `decompressedBytes` bytes of output.
    case truncatedGzip(file: String, decompressedBytes: Int)
    /// Bytes that are not a gzip member follow the last member, from byte `offset` on.
    case trailingGarbage(file: String, offset: Int, count: Int)
    /// The file, or its decompressed contents, exceed the `limit` Dive reads.
    case tooLarge(file: String, limit: Int)
    /// The path names something other than a regular file (a FIFO, a device, a folder).
    case notRegularFile(file: String, type: String)
    /// The file is shorter than its header (`expected` bytes) says it must be.
    case truncatedHeader(file: String, found: Int, expected: Int)
    /// The first four bytes are not an IDX magic number of the expected kind.
    case wrongMagic(file: String, found: UInt32, expected: UInt32, wasGzip: Bool)
    /// The element type (third byte of the magic) is not `0x08`, unsigned byte.
    case wrongElementType(file: String, found: UInt8)
    /// The payload's length disagrees with the dimensions in the header.
    case payloadMismatch(file: String, dimensions: [Int], expectedBytes: Int, foundBytes: Int)
    /// A label is not one of the dataset's classes.
    case labelOutOfRange(file: String, index: Int, label: Int, classCount: Int)
    /// An image file announces images with no pixels (0 rows or 0 columns).
    case emptyImages(file: String, height: Int, width: Int)
    /// An image file holds no images.
    case noImages(file: String)
    /// An image file and its label file hold different numbers of examples.
    case countMismatch(imagesFile: String, images: Int, labelsFile: String, labels: Int)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            "\(file): cannot be read (\(reason))"
        case let .notGzip(file, firstBytes):
            "\(file): named .gz but not gzip (starts with \(hex(firstBytes)), expected 1f 8b)"
        case let .corruptGzip(file, detail):
            "\(file): corrupt gzip data (\(detail)); download the file again"
        case let .truncatedGzip(file, decompressedBytes):
            "\(file): truncated gzip stream (it ends after \(decompressedBytes) decompressed bytes); download the file again"
        case let .trailingGarbage(file, offset, count):
            "\(file): \(count) bytes that are not gzip follow the compressed data (from byte \(offset)); download the file again"
        case let .tooLarge(file, limit):
            "\(file): larger than \(limit) bytes (decompressed), the most Dive reads from one IDX file"
        case let .notRegularFile(file, type):
            "\(file): a \(type), not a regular file; expected an IDX file"
        case let .truncatedHeader(file, found, expected):
            "\(file): truncated IDX header (\(found) bytes, expected at least \(expected))"
        case let .wrongMagic(file, found, expected, wasGzip):
            wrongMagicDescription(file: file, found: found, expected: expected, wasGzip: wasGzip)
        case let .wrongElementType(file, found):
            "\(file): IDX element type 0x\(hex(found)), expected 0x08 (unsigned byte)"
        case let .payloadMismatch(file, dimensions, expectedBytes, foundBytes):
            "\(file): header says \(itemsDescription(dimensions)) (\(expectedBytes) bytes) but the file holds \(foundBytes)"
        case let .labelOutOfRange(file, index, label, classCount):
            "\(file): label \(label) at index \(index) is outside 0..<\(classCount)"
        case let .emptyImages(file, height, width):
            "\(file): images of \(height)×\(width) pixels, expected at least 1×1"
        case let .noImages(file):
            "\(file): holds no images, expected at least one"
        case let .countMismatch(imagesFile, images, labelsFile, labels):
            "\(imagesFile) holds \(images) images but \(labelsFile) holds \(labels) labels; they must match"
        }
    }

    private func wrongMagicDescription(file: String, found: UInt32, expected: UInt32, wasGzip: Bool) -> String {
        let foundText = "magic 0x\(hex(found))", expectedText = "expected 0x\(hex(expected))"
        let kind = expected == IDXFile.Kind.images.magic ? "IDX image file" : "IDX label file"
        if found >> 16 == 0x1f8b {
            return "\(file): not an \(kind) (\(foundText), \(expectedText)); it is gzipped twice"
        }
        if found & 0xFFFF_FF00 == 0x0000_0800 {
            return "\(file): an IDX file with \(found & 0xFF) dimensions, not an \(kind) (\(foundText), \(expectedText))"
        }
        let what = wasGzip ? "gzip, but the contents are not an \(kind)" : "not gzip and not an \(kind)"
        return "\(file): \(what) (\(foundText), \(expectedText))"
    }

    private func itemsDescription(_ dimensions: [Int]) -> String {
        guard let count = dimensions.first else { return "no dimensions" }
        let rest = dimensions.dropFirst().map(String.init).joined(separator: "×")
        return rest.isEmpty ? "\(count) labels" : "\(count) images of \(rest)"
    }
}

private func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 8 - digits.count) + digits
}

private func hex(_ value: UInt8) -> String {
    value < 16 ? "0" + String(value, radix: 16) : String(value, radix: 16)
}

private func hex(_ bytes: [UInt8]) -> String {
    bytes.isEmpty ? "nothing" : bytes.map(hex).joined(separator: " ")
}
