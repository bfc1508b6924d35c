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

    /// The most bytes Dive reads from one IDX file, compressed or decompressed: 1 GiB, twenty
    /// times Fashion-MNIST's training images, so that a damaged or hostile file cannot take all
    /// the memory.
    public static let byteLimit = 1 << 30

    /// Reads and validates the IDX file at `path`, inflating it first if it is gzipped.
    ///
    /// Only the bytes the header announces are kept: a gzipped file is inflated as it is parsed,
    /// never past `limit` bytes.
    ///
    /// - Throws: `IDXError` naming `path`: not a regular file (a FIFO is refused without
    ///   waiting on it), unreadable, larger than `limit`, named `.gz` but not gzip, corrupt or
    ///   truncated gzip or gzip followed by other bytes, truncated header, wrong magic or
    ///   element type, or a payload whose length disagrees with the header.
    public static func read(_ path: String, kind: Kind, limit: Int = byteLimit) throws(IDXError) -> IDXFile {
        try decode(readAllBytes(path, limit: limit), file: path, kind: kind, limit: limit)
    }

    /// Validates the contents of an IDX file, gzipped or not; `file` names it in errors, and a
    /// name ending in `.gz` requires gzip. Throws as ``read(_:kind:limit:)``.
    public static func decode(_ contents: [UInt8], file: String, kind: Kind,
                              limit: Int = byteLimit) throws(IDXError) -> IDXFile {
        if Gzip.isGzip(contents) {
            return try contents.withUnsafeBytes { raw in
                Result { () throws(IDXError) in try inflate(Gzip(raw, file: file), file: file, kind: kind, limit: limit) }
            }.get()
        }
        if file.hasSuffix(".gz") {
            throw .notGzip(file: file, firstBytes: Array(contents.prefix(2)))
        }
        guard contents.count <= limit else { throw .tooLarge(file: file, limit: limit) }
        return try parse(contents, file: file, kind: kind)
    }

    /// Parses uncompressed IDX bytes.
    static func parse(_ raw: consuming [UInt8], file: String, kind: Kind) throws(IDXError) -> IDXFile {
        var bytes = raw
        let dimensions = try header(bytes.prefix(4 + 4 * kind.rank), file: file, kind: kind, wasGzip: false)
        let headerLength = 4 + 4 * kind.rank
        let payload = bytes.count - headerLength
        guard let expected = payloadLength(dimensions), expected == payload else {
            throw .payloadMismatch(file: file, dimensions: dimensions, expectedBytes: payloadLength(dimensions) ?? Int.max,
                                   foundBytes: payload)
        }
        // Dropping the header in place moves the payload once, without a second 47 MB buffer.
        bytes.removeFirst(headerLength)
        return IDXFile(dimensions: dimensions, bytes: bytes)
    }

    /// Parses IDX bytes as `gzip` inflates them: the header first, then exactly the payload it
    /// announces, then a check that the stream ends there.
    private static func inflate(_ gzip: Gzip, file: String, kind: Kind, limit: Int) throws(IDXError) -> IDXFile {
        var head = [UInt8](repeating: 0, count: 4 + 4 * kind.rank)
        let headCount = try head.withUnsafeMutableBytes { raw in Result { () throws(IDXError) in try gzip.read(into: raw) } }.get()
        let dimensions = try header(head[..<headCount], file: file, kind: kind, wasGzip: true)
        guard let expected = payloadLength(dimensions), expected <= limit - head.count else {
            // Too large to hold: count what the stream holds (without keeping it) for the message.
            let found = try gzip.skipToEnd(limit: limit)
            throw .payloadMismatch(file: file, dimensions: dimensions, expectedBytes: payloadLength(dimensions) ?? Int.max,
                                   foundBytes: found)
        }
        var failure: IDXError?
        let payload = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
            do throws(IDXError) {
                initialized = try gzip.read(into: UnsafeMutableRawBufferPointer(buffer))
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        let extra = try gzip.skipToEnd(limit: limit)
        guard payload.count == expected, extra == 0 else {
            throw .payloadMismatch(file: file, dimensions: dimensions, expectedBytes: expected,
                                   foundBytes: payload.count + extra)
        }
        return IDXFile(dimensions: dimensions, bytes: payload)
    }

    /// The dimensions in the header at the start of `raw`, after checking the magic number.
    private static func header(_ raw: ArraySlice<UInt8>, file: String, kind: Kind,
                               wasGzip: Bool) throws(IDXError) -> [Int] {
        let raw = Array(raw)
        let headerLength = 4 + 4 * kind.rank
        guard raw.count >= 4 else { throw .truncatedHeader(file: file, found: raw.count, expected: headerLength) }
        let magic = bigEndianUInt32(raw, at: 0)
        guard magic >> 16 == 0 else { throw .wrongMagic(file: file, found: magic, expected: kind.magic, wasGzip: wasGzip) }
        guard raw[2] == 0x08 else { throw .wrongElementType(file: file, found: raw[2]) }
        guard magic == kind.magic else { throw .wrongMagic(file: file, found: magic, expected: kind.magic, wasGzip: wasGzip) }
        guard raw.count >= headerLength else { throw .truncatedHeader(file: file, found: raw.count, expected: headerLength) }
        return (0..<kind.rank).map { Int(bigEndianUInt32(raw, at: 4 + 4 * $0)) }
    }

    /// The product of `dimensions`, or nil when it overflows (a damaged header can announce absurd sizes).
    private static func payloadLength(_ dimensions: [Int]) -> Int? {
        var product = 1
        for size in dimensions {
            let (next, overflow) = product.multipliedReportingOverflow(by: size)
            if overflow { return nil }
            product = next
        }
        return product
    }

    /// The whole file, read with one `read` call per chunk into an array of the file's size.
    /// The type is checked before opening: opening a FIFO for reading would wait for a writer.
    private static func readAllBytes(_ path: String, limit: Int) throws(IDXError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .unreadable(file: path, reason: String(cString: strerror(errno))) }
        try checkRegular(info, path: path)
        // O_NONBLOCK in case the file was replaced by a FIFO since: then the open does not wait.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(file: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(file: path, reason: String(cString: strerror(errno))) }
        try checkRegular(info, path: path)
        guard info.st_size <= limit else { throw .tooLarge(file: path, limit: limit) }
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

    private static func checkRegular(_ info: stat, path: String) throws(IDXError) {
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFIFO: throw .notRegularFile(file: path, type: "FIFO (named pipe)")
        case S_IFDIR: throw .notRegularFile(file: path, type: "folder")
        case S_IFSOCK: throw .notRegularFile(file: path, type: "socket")
        default: throw .notRegularFile(file: path, type: "device")
        }
    }

    private static func bigEndianUInt32(_ raw: [UInt8], at offset: Int) -> UInt32 {
        UInt32(raw[offset]) << 24 | UInt32(raw[offset + 1]) << 16 | UInt32(raw[offset + 2]) << 8 | UInt32(raw[offset + 3])
    }
}
