import Foundation

/// An IDX file of unsigned bytes: the format of MNIST and Fashion-MNIST.
///
/// The format is a big-endian magic number `00 00 08 n` (element type `0x08`, unsigned byte, and
/// `n` dimensions), then `n` big-endian 32-bit sizes, then the elements in row-major order.
/// Files may be gzipped whatever their name; a `.gz` name that is not gzip is an error.
public struct IDXFile: Sendable {
    /// Which of the two IDX layouts a file must have.
    public enum Kind: Sendable {
        /// Labels: one dimension, magic `0x00000801`.
        case labels
        /// Images: three dimensions (count, rows, columns), magic `0x00000803`.
        case images

        /// The number of dimensions.
        public var rank: Int { self == .labels ? 1 : 3 }
        /// The magic number, `0x00000800` plus the rank.
        public var magic: UInt32 { 0x0000_0800 | UInt32(rank) }
    }

    /// The sizes from the header, e.g. `[60000, 28, 28]` for images or `[60000]` for labels.
    public let dimensions: [Int]
    /// The elements in row-major order; `dimensions.reduce(1, *)` of them.
    public let bytes: [UInt8]

    /// Reads and validates the IDX file at `path`, inflating it first if it is gzipped.
    ///
    /// - Throws: `IDXError` naming `path`: unreadable, named `.gz` but not gzip, corrupt or
    ///   truncated gzip, truncated header, wrong magic or element type, or a payload whose length
    ///   disagrees with the header.
    public static func read(_ path: String, kind: Kind) throws(IDXError) -> IDXFile {
        try decode(readAllBytes(path), file: path, kind: kind)
    }

    /// Validates the contents of an IDX file, gzipped or not; `file` names it in errors, and a
    /// name ending in `.gz` requires gzip. Throws as ``read(_:kind:)``.
    public static func decode(_ contents: [UInt8], file: String, kind: Kind) throws(IDXError) -> IDXFile {
        if Gzip.isGzip(contents) {
            return try parse(Gzip.decompress(contents, file: file), file: file, kind: kind, wasGzip: true)
        }
        if file.hasSuffix(".gz") {
            throw .notGzip(file: file, firstBytes: Array(contents.prefix(2)))
        }
        return try parse(contents, file: file, kind: kind, wasGzip: false)
    }

    /// Parses uncompressed IDX bytes.
    static func parse(_ raw: consuming [UInt8], file: String, kind: Kind, wasGzip: Bool) throws(IDXError) -> IDXFile {
        guard raw.count >= 4 else { throw .truncatedHeader(file: file, found: raw.count, expected: 4 + 4 * kind.rank) }
        let magic = bigEndianUInt32(raw, at: 0)
        guard magic >> 16 == 0 else { throw .wrongMagic(file: file, found: magic, expected: kind.magic, wasGzip: wasGzip) }
        guard raw[2] == 0x08 else { throw .wrongElementType(file: file, found: raw[2]) }
        guard magic == kind.magic else { throw .wrongMagic(file: file, found: magic, expected: kind.magic, wasGzip: wasGzip) }

        let headerLength = 4 + 4 * kind.rank
        guard raw.count >= headerLength else { throw .truncatedHeader(file: file, found: raw.count, expected: headerLength) }
        let dimensions = (0..<kind.rank).map { Int(bigEndianUInt32(raw, at: 4 + 4 * $0)) }
        // Multiply without overflow: a damaged header can announce absurd sizes.
        let (expected, overflow) = dimensions.reduce((1, false)) { partial, size in
            let (product, didOverflow) = partial.0.multipliedReportingOverflow(by: size)
            return (product, partial.1 || didOverflow)
        }
        let payload = raw.count - headerLength
        guard !overflow, expected == payload else {
            throw .payloadMismatch(file: file, dimensions: dimensions, expectedBytes: overflow ? Int.max : expected,
                                   foundBytes: payload)
        }
        // Dropping the header in place moves the payload once, without a second 47 MB buffer.
        var payloadBytes = raw
        payloadBytes.removeFirst(headerLength)
        return IDXFile(dimensions: dimensions, bytes: payloadBytes)
    }

    /// The whole file, read with one `read` call per chunk into an array of the file's size.
    private static func readAllBytes(_ path: String) throws(IDXError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .unreadable(file: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(file: path, reason: String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .unreadable(file: path, reason: "not a regular file") }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: Int(info.st_size)) { buffer, initialized in
            while initialized < buffer.count {
                let n = Foundation.read(descriptor, buffer.baseAddress! + initialized, buffer.count - initialized)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { failure = n < 0 ? errno : 0; break }
                initialized += n
            }
        }
        if failure != 0 { throw .unreadable(file: path, reason: String(cString: strerror(failure))) }
        return bytes
    }

    private static func bigEndianUInt32(_ raw: [UInt8], at offset: Int) -> UInt32 {
        UInt32(raw[offset]) << 24 | UInt32(raw[offset + 1]) << 16 | UInt32(raw[offset + 2]) << 8 | UInt32(raw[offset + 3])
    }
}
