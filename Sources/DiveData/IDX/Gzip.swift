import _DiveZlib

/// Gzip decompression for the IDX files, which are usually distributed as `.gz`: a stream the
/// reader pulls bytes from, so that it never inflates more than it needs.
///
/// As gzip(1) does, several members one after the other are one stream (`cat a.gz b.gz`), and
/// anything else after the last member is refused. Each member's CRC-32 and length are checked.
final class Gzip {
    private let input: UnsafeRawBufferPointer
    private let file: String
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)   // zlib keeps its address
    private var produced = 0
    private var atMemberEnd = false
    private var finished = false

    /// Whether `bytes` start with the gzip magic number `1f 8b`.
    static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    /// A stream over the gzip data in `input`, which must outlive it; `file` names it in errors.
    init(_ input: UnsafeRawBufferPointer, file: String) throws(IDXError) {
        self.input = input
        self.file = file
        stream.initialize(to: z_stream())
        // windowBits 15 + 16: the largest window, gzip format only.
        guard input.count <= Int(UInt32.max),
              inflateInit2_(stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corruptGzip(file: file, detail: "zlib could not start inflating")
        }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = UInt32(input.count)
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Decompresses into `buffer` until it is full or the stream ends, and returns the number of
    /// bytes written: fewer than `buffer.count` only at the end of the stream.
    ///
    /// - Throws: `IDXError.corruptGzip` for damaged data, `.truncatedGzip` when the input ends
    ///   inside a member, `.trailingGarbage` for bytes after the last member that are not gzip.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(IDXError) -> Int {
        var written = 0
        while written < buffer.count, !finished {
            if atMemberEnd { try startNextMember(); continue }
            let slice = min(buffer.count - written, Int(UInt32.max))
            stream.pointee.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self) + written
            stream.pointee.avail_out = UInt32(slice)
            let status = inflate(stream, Z_NO_FLUSH)
            let count = slice - Int(stream.pointee.avail_out)
            written += count
            produced += count
            switch status {
            case Z_STREAM_END: atMemberEnd = true
            case Z_OK: continue
            case Z_BUF_ERROR where stream.pointee.avail_in == 0:
                throw .truncatedGzip(file: file, decompressedBytes: produced)
            case Z_BUF_ERROR: continue
            default:
                let detail = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw .corruptGzip(file: file, detail: detail)
            }
        }
        return written
    }

    /// Reads and discards the rest of the stream, and returns how many bytes it held, stopping
    /// (with `.tooLarge`) once the whole stream would exceed `limit` bytes.
    func skipToEnd(limit: Int) throws(IDXError) -> Int {
        var skipped = 0
        var scratch = [UInt8](repeating: 0, count: 1 << 16)
        while !finished {
            let count = try scratch.withUnsafeMutableBytes { raw in
                Result { () throws(IDXError) in try read(into: raw) }
            }.get()
            skipped += count
            if produced > limit { throw .tooLarge(file: file, limit: limit) }
        }
        return skipped
    }

    /// After a member's end: the stream is over when the input is, the next member starts when
    /// the input goes on with the gzip magic, and anything else is refused.
    private func startNextMember() throws(IDXError) {
        let remaining = Int(stream.pointee.avail_in)
        let offset = input.count - remaining
        if remaining == 0 {
            finished = true
        } else if remaining >= 2, input[offset] == 0x1f, input[offset + 1] == 0x8b {
            guard inflateReset(stream) == Z_OK else { throw .corruptGzip(file: file, detail: "zlib could not restart") }
            atMemberEnd = false
        } else {
            throw .trailingGarbage(file: file, offset: offset, count: remaining)
        }
    }

    /// The whole decompressed contents of the gzip data in `bytes`, refused with `.tooLarge`
    /// past `limit` bytes.
    static func decompress(_ bytes: [UInt8], file: String, limit: Int = IDXFile.byteLimit) throws(IDXError) -> [UInt8] {
        try bytes.withUnsafeBytes { raw in
            Result { () throws(IDXError) in
                let gzip = try Gzip(raw, file: file)
                var output: [UInt8] = []
                var chunk = [UInt8](repeating: 0, count: 1 << 16)
                while true {
                    let count = try chunk.withUnsafeMutableBytes { buffer in
                        Result { () throws(IDXError) in try gzip.read(into: buffer) }
                    }.get()
                    guard output.count + count <= limit else { throw .tooLarge(file: file, limit: limit) }
                    output += chunk[..<count]
                    if count < chunk.count { return output }
                }
            }
        }.get()
    }
}
