import _DiveZlib
import DivePlot

/// A PNG file taken apart for tests: its chunks (with checked CRCs), header fields and pixels.
struct DecodedPNG {
    struct Chunk {
        var type: String
        var data: [UInt8]
        var storedCRC: UInt32
        var computedCRC: UInt32
    }

    var chunks: [Chunk] = []
    var width = 0, height = 0
    var bitDepth: UInt8 = 0, colorType: UInt8 = 0, compression: UInt8 = 0, filter: UInt8 = 0, interlace: UInt8 = 0
    /// The inflated IDAT stream: one filter byte and `3 * width` bytes per row.
    var scanlines: [UInt8] = []

    enum Failure: Error { case badSignature, truncated, inflateFailed(Int32), unsupportedFilter(UInt8) }

    init(_ file: [UInt8]) throws {
        guard file.starts(with: PNG.signature) else { throw Failure.badSignature }
        var offset = 8
        func bigEndian(_ at: Int) -> UInt32 {
            file[at..<(at + 4)].reduce(0) { $0 << 8 | UInt32($1) }
        }
        while offset < file.count {
            guard offset + 12 <= file.count else { throw Failure.truncated }
            let length = Int(bigEndian(offset))
            guard offset + 12 + length <= file.count else { throw Failure.truncated }
            let typeAndData = Array(file[(offset + 4)..<(offset + 8 + length)])
            let crc = typeAndData.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
            chunks.append(Chunk(type: String(decoding: typeAndData.prefix(4), as: UTF8.self),
                                data: Array(typeAndData.dropFirst(4)), storedCRC: bigEndian(offset + 8 + length),
                                computedCRC: crc))
            offset += 12 + length
        }
        if let header = chunks.first(where: { $0.type == "IHDR" })?.data, header.count == 13 {
            width = Int(header[0..<4].reduce(0) { $0 << 8 | UInt32($1) })
            height = Int(header[4..<8].reduce(0) { $0 << 8 | UInt32($1) })
            (bitDepth, colorType, compression, filter, interlace) = (header[8], header[9], header[10], header[11], header[12])
        }
        let compressed = chunks.filter { $0.type == "IDAT" }.flatMap(\.data)
        scanlines = try Self.inflate(compressed, expectedSize: height * (1 + 3 * width))
    }

    /// Inflates a zlib stream with zlib's `uncompress`, allowing one byte more than expected so
    /// that a stream that is too long is noticed.
    static func inflate(_ compressed: [UInt8], expectedSize: Int) throws -> [UInt8] {
        var size = uLong(expectedSize + 1)
        var output = [UInt8](repeating: 0, count: Int(size))
        let status = output.withUnsafeMutableBufferPointer { destination in
            compressed.withUnsafeBufferPointer { source in
                uncompress(destination.baseAddress, &size, source.baseAddress, uLong(source.count))
            }
        }
        guard status == Z_OK else { throw Failure.inflateFailed(status) }
        return Array(output.prefix(Int(size)))
    }

    /// The colour at column `x`, row `y` (only filter type 0 is supported, the only one the writer uses).
    func pixel(_ x: Int, _ y: Int) throws -> Color {
        let rowStart = y * (1 + 3 * width)
        guard scanlines[rowStart] == 0 else { throw Failure.unsupportedFilter(scanlines[rowStart]) }
        let index = rowStart + 1 + 3 * x
        return Color(red: scanlines[index], green: scanlines[index + 1], blue: scanlines[index + 2])
    }
}
