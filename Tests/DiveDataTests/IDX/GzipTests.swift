@testable import DiveData
import Testing

@Suite struct GzipTests {
    @Test func roundTripsDataLargerThanTheAnnouncedSizeHint() throws {
        // Random-looking bytes compress badly, so the output buffer must grow past its first guess.
        var state: UInt32 = 1
        let bytes = (0..<300_000).map { _ -> UInt8 in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: state >> 24)
        }
        #expect(try Gzip.decompress(Fixtures.gzip(bytes), file: "f") == bytes)
    }

    @Test func highlyCompressibleDataRoundTrips() throws {
        let bytes = [UInt8](repeating: 42, count: 1_000_000)
        #expect(try Gzip.decompress(Fixtures.gzip(bytes), file: "f") == bytes)
    }

    @Test func truncatedStreamIsReported() throws {
        let gzipped = Fixtures.gzip(Fixtures.images(count: 50, height: 28, width: 28))
        let error = #expect(throws: IDXError.self) {
            try Gzip.decompress(Array(gzipped.prefix(gzipped.count / 2)), file: "f.gz")
        }
        guard case .truncatedGzip(let file, let produced) = error else {
            Issue.record("expected truncatedGzip, got \(String(describing: error))")
            return
        }
        #expect(file == "f.gz" && produced > 0)
        #expect(error?.description.contains("f.gz: truncated gzip stream") == true)
    }

    @Test func corruptedStreamIsReported() throws {
        var gzipped = Fixtures.gzip(Fixtures.images(count: 50, height: 28, width: 28))
        for i in 20..<60 { gzipped[i] ^= 0xA5 }
        let error = #expect(throws: IDXError.self) { try Gzip.decompress(gzipped, file: "f.gz") }
        guard case .corruptGzip(let file, _) = error else {
            Issue.record("expected corruptGzip, got \(String(describing: error))")
            return
        }
        #expect(file == "f.gz")
    }

    @Test func damagedChecksumIsCaught() throws {
        var gzipped = Fixtures.gzip(Array("some text to compress".utf8))
        gzipped[gzipped.count - 6] ^= 0xFF   // inside the CRC-32 of the trailer
        #expect(throws: IDXError.self) { try Gzip.decompress(gzipped, file: "f.gz") }
    }
}
