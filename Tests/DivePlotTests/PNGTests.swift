import Testing
@testable import DivePlot

@Suite struct PNGTests {
    @Test func fileHasSignatureCheckedChunksAndHeaderFields() throws {
        let png = try DecodedPNG(PNG.encode(Raster(width: 7, height: 5, background: Color(hex: 0x102030))))
        #expect(png.chunks.map(\.type) == ["IHDR", "IDAT", "IEND"])
        for chunk in png.chunks {
            #expect(chunk.storedCRC == chunk.computedCRC, "CRC of \(chunk.type)")
        }
        #expect(png.width == 7 && png.height == 5)
        #expect([png.bitDepth, png.colorType, png.compression, png.filter, png.interlace] == [8, 2, 0, 0, 0])
        #expect(png.scanlines.count == 5 * (1 + 3 * 7))
    }

    @Test func pixelsRoundTrip() throws {
        var raster = Raster(width: 4, height: 3)
        raster[0, 0] = Color(hex: 0xFF0000)
        raster[3, 2] = Color(hex: 0x00FF7F)
        raster[1, 1] = Color(hex: 0x123456)
        let png = try DecodedPNG(PNG.encode(raster))
        for y in 0..<3 {
            for x in 0..<4 {
                #expect(try png.pixel(x, y) == raster[x, y])
            }
        }
    }

    @Test func corruptedByteFailsTheCRC() throws {
        var bytes = PNG.encode(Raster(width: 2, height: 2))
        bytes[28] ^= 0x01   // IHDR's last byte, the interlace method
        let png = try DecodedPNG(bytes)
        #expect(png.chunks[0].storedCRC != png.chunks[0].computedCRC)
    }
}
