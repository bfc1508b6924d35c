@testable import DiveData
import Foundation
import Testing

/// The IDX reader's bounds: gzip members and what follows them, a cap on what is inflated,
/// and files that are not regular files.
@Suite struct BoundedReadingTests {
    let folder = TemporaryDirectory()

    @Test func severalGzipMembersAreOneStreamAsForGzip() throws {
        let bytes = Fixtures.images(count: 4)
        let parts = Fixtures.gzip(Array(bytes.prefix(10))) + Fixtures.gzip(Array(bytes.dropFirst(10)))
        #expect(try Gzip.decompress(parts, file: "f.gz") == bytes)
        let file = try IDXFile.read(folder.write(parts, to: "images.gz"), kind: .images)
        #expect(file.dimensions == [4, 2, 3] && file.bytes == Array(bytes.dropFirst(16)))
    }

    @Test func bytesAfterTheLastMemberAreRefused() throws {
        let gzipped = Fixtures.gzip(Fixtures.labels([1, 2, 3]))
        let path = folder.write(gzipped + Array("garbage".utf8), to: "labels.gz")
        let error = #expect(throws: IDXError.self) { try IDXFile.read(path, kind: .labels) }
        #expect(error == .trailingGarbage(file: path, offset: gzipped.count, count: 7))
        #expect(error?.description ==
            "\(path): 7 bytes that are not gzip follow the compressed data (from byte \(gzipped.count)); download the file again")
    }

    @Test func decompressionStopsAtTheLimit() throws {
        let bomb = Fixtures.gzip([UInt8](repeating: 0, count: 4_000_000))   // about 4 KB
        let error = #expect(throws: IDXError.self) { try Gzip.decompress(bomb, file: "bomb.gz", limit: 1_000_000) }
        #expect(error == .tooLarge(file: "bomb.gz", limit: 1_000_000))
    }

    @Test func gzippedPayloadPastTheHeaderIsCountedNotKept() throws {
        // The header announces 2 labels; 3 MB more follow inside the gzip stream.
        let long = Fixtures.labels([1, 2]) + [UInt8](repeating: 0, count: 3_000_000)
        let path = folder.write(Fixtures.gzip(long), to: "labels.gz")
        let error = #expect(throws: IDXError.self) { try IDXFile.read(path, kind: .labels) }
        #expect(error == .payloadMismatch(file: path, dimensions: [2], expectedBytes: 2, foundBytes: 3_000_002))
        let capped = #expect(throws: IDXError.self) { try IDXFile.read(path, kind: .labels, limit: 1_000_000) }
        #expect(capped == .tooLarge(file: path, limit: 1_000_000))
    }

    @Test func headerAnnouncingMoreThanTheLimitIsRefusedWithoutAllocatingIt() throws {
        // 4 billion images of 1×1: the reader must not reserve 4 GB for them.
        let header = Fixtures.idx(dimensions: [4_000_000_000, 1, 1], payload: [1, 2, 3])
        let path = folder.write(Fixtures.gzip(header), to: "images.gz")
        let error = #expect(throws: IDXError.self) { try IDXFile.read(path, kind: .images) }
        #expect(error == .payloadMismatch(file: path, dimensions: [4_000_000_000, 1, 1], expectedBytes: 4_000_000_000,
                                          foundBytes: 3))
    }

    @Test func plainFileLargerThanTheLimitIsRefusedBeforeReading() throws {
        let path = folder.write(Fixtures.labels([UInt8](repeating: 1, count: 5000)), to: "labels")
        let error = #expect(throws: IDXError.self) { try IDXFile.read(path, kind: .labels, limit: 4096) }
        #expect(error == .tooLarge(file: path, limit: 4096))
        #expect(error?.description == "\(path): larger than 4096 bytes (decompressed), the most Dive reads from one IDX file")
    }

    @Test func fifoIsRefusedWithoutWaitingForAWriter() throws {
        let path = folder.path + "/train-images-idx3-ubyte"
        #expect(mkfifo(path, 0o600) == 0)
        // A writer opening without blocking succeeds only while a reader waits in open(2): then the
        // reader is released and the test fails below instead of hanging.
        let writer = FIFOWriter(path: path, after: 3)
        let error = #expect(throws: IDXError.self) { try IDXFile.read(path, kind: .images) }
        #expect(!writer.foundAReader(), "the reader waited on the FIFO")
        #expect(error == .notRegularFile(file: path, type: "FIFO (named pipe)"))
        #expect(error?.description == "\(path): a FIFO (named pipe), not a regular file; expected an IDX file")
    }

    @Test func folderNamedLikeADatasetFileIsRefused() throws {
        let path = folder.path + "/t10k-labels-idx1-ubyte"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        let error = #expect(throws: IDXError.self) { try IDXFile.read(path, kind: .labels) }
        #expect(error == .notRegularFile(file: path, type: "folder"))
    }
}

/// Opens a FIFO for writing, without blocking, `after` seconds: that succeeds only when a reader
/// has it open (or waits in open(2)), which it releases.
final class FIFOWriter: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var opened = false

    init(path: String, after seconds: TimeInterval) {
        Thread { [self] in
            Thread.sleep(forTimeInterval: seconds)
            let descriptor = open(path, O_WRONLY | O_NONBLOCK)
            if descriptor >= 0 { close(descriptor) }
            opened = descriptor >= 0
            done.signal()
        }.start()
    }

    /// Waits for the attempt, and tells whether a reader was there.
    func foundAReader() -> Bool {
        done.wait()
        return opened
    }
}
