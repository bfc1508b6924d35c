import _DiveZlib

/// The PNG writer: 8-bit RGB, no interlacing, scanlines unfiltered and deflate-compressed by zlib.
public enum PNG {
    /// The eight bytes every PNG file starts with.
    public static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// A complete PNG file holding `raster`: the signature, then the `IHDR`, `IDAT` and `IEND` chunks,
    /// each with its CRC-32.
    public static func encode(_ raster: Raster) -> [UInt8] {
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(raster.width))
        header.appendBigEndian(UInt32(raster.height))
        header += [8, 2, 0, 0, 0]   // bit depth 8, colour type 2 (RGB), deflate, adaptive filters, no interlace

        let rowLength = 3 * raster.width
        var scanlines: [UInt8] = []
        scanlines.reserveCapacity(raster.height * (1 + rowLength))
        for row in 0..<raster.height {
            scanlines.append(0)   // filter type 0: the row's bytes as they are
            scanlines += raster.bytes[(row * rowLength)..<((row + 1) * rowLength)]
        }

        var file = signature
        appendChunk("IHDR", header, to: &file)
        appendChunk("IDAT", deflate(scanlines), to: &file)
        appendChunk("IEND", [], to: &file)
        return file
    }

    /// Appends one chunk: its length, type, data and the CRC-32 of type and data.
    private static func appendChunk(_ type: String, _ data: [UInt8], to file: inout [UInt8]) {
        let typeAndData = Array(type.utf8) + data
        file.appendBigEndian(UInt32(data.count))
        file += typeAndData
        let checksum = typeAndData.withUnsafeBufferPointer { buffer in
            crc32(0, buffer.baseAddress, uInt(buffer.count))
        }
        file.appendBigEndian(UInt32(checksum))
    }

    /// `bytes` as a zlib stream (deflate with header and Adler-32), at the best compression level.
    private static func deflate(_ bytes: [UInt8]) -> [UInt8] {
        var capacity = compressBound(uLong(bytes.count))
        var output = [UInt8](repeating: 0, count: Int(capacity))
        let status = output.withUnsafeMutableBufferPointer { destination in
            bytes.withUnsafeBufferPointer { source in
                compress2(destination.baseAddress, &capacity, source.baseAddress, uLong(source.count), Z_BEST_COMPRESSION)
            }
        }
        // compress2 only fails without memory or with a too-small buffer, and compressBound rules out the latter.
        precondition(status == Z_OK, "PNG: zlib compress2 failed with status \(status)")
        return Array(output.prefix(Int(capacity)))
    }
}

extension [UInt8] {
    /// Appends `value` as four bytes, most significant first (PNG's byte order).
    mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [24, 16, 8, 0].map { UInt8((value >> UInt32($0)) & 0xFF) })
    }
}
