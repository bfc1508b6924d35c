import _DiveZlib

/// Gzip detection and decompression for the IDX files, which are usually distributed as `.gz`.
enum Gzip {
    /// Whether `bytes` start with the gzip magic number `1f 8b`.
    static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    /// The decompressed contents of the gzip stream in `bytes`.
    ///
    /// Inflates in one pass into a buffer that starts at the size the gzip trailer announces and
    /// doubles when that is too small (the trailer holds the size modulo 2³², so it is only a hint).
    /// Throws `IDXError.corruptGzip` for damaged data and `.truncatedGzip` when the input ends
    /// before the end of the compressed stream.
    static func decompress(_ bytes: [UInt8], file: String) throws(IDXError) -> [UInt8] {
        // The closure returns a Result because `withUnsafeBytes` does not pass typed errors on.
        try bytes.withUnsafeBytes { raw in Result { () throws(IDXError) in try inflateAll(raw, file: file) } }.get()
    }

    private static func inflateAll(_ bytes: UnsafeRawBufferPointer, file: String) throws(IDXError) -> [UInt8] {
        var stream = z_stream()
        // windowBits 15 + 32: the largest window, with automatic gzip/zlib header detection.
        guard inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .corruptGzip(file: file, detail: "zlib could not start inflating")
        }
        defer { inflateEnd(&stream) }

        // A little slack past the announced size lets zlib read the trailer without a second buffer.
        var output = [UInt8](repeating: 0, count: initialCapacity(for: bytes) + 64)
        var produced = 0
        var status = Z_OK
        let input = UnsafeMutablePointer(mutating: bytes.baseAddress!.assumingMemoryBound(to: Bytef.self))
        var consumed = 0
        while status != Z_STREAM_END {
            if produced == output.count {
                output.append(contentsOf: repeatElement(0, count: output.count))
            }
            // zlib counts in UInt32, so feed very large inputs and outputs in slices.
            let inputSlice = min(bytes.count - consumed, Int(UInt32.max))
            let outputSlice = min(output.count - produced, Int(UInt32.max))
            stream.next_in = input + consumed
            stream.avail_in = UInt32(inputSlice)
            status = output.withUnsafeMutableBufferPointer { buffer in
                stream.next_out = buffer.baseAddress! + produced
                stream.avail_out = UInt32(outputSlice)
                return inflate(&stream, Z_NO_FLUSH)
            }
            consumed += inputSlice - Int(stream.avail_in)
            produced += outputSlice - Int(stream.avail_out)
            switch status {
            case Z_OK, Z_STREAM_END:
                continue
            case Z_BUF_ERROR where consumed == bytes.count && stream.avail_out > 0:
                throw .truncatedGzip(file: file, decompressedBytes: produced)
            case Z_BUF_ERROR:
                continue
            default:
                let detail = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw .corruptGzip(file: file, detail: detail)
            }
        }
        output.removeLast(output.count - produced)
        return output
    }

    /// The uncompressed size the gzip trailer announces, or a guess when it is implausible.
    private static func initialCapacity(for bytes: UnsafeRawBufferPointer) -> Int {
        let fallback = max(bytes.count * 4, 1024)
        guard bytes.count >= 18 else { return fallback }
        let n = bytes.count
        let announced = Int(bytes[n - 4]) | Int(bytes[n - 3]) << 8 | Int(bytes[n - 2]) << 16 | Int(bytes[n - 1]) << 24
        // A real size is at least the input's size divided by deflate's best ratio (about 1032:1).
        return announced > 0 && announced <= bytes.count * 1100 ? announced : fallback
    }
}
