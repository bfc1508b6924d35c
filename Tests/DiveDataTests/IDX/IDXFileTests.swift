@testable import DiveData
import Testing

@Suite struct IDXFileTests {
    let folder = TemporaryDirectory()

    @Test func readsRawAndGzippedFilesAlike() throws {
        let bytes = Fixtures.images(count: 4)
        let raw = try IDXFile.read(folder.write(bytes, to: "images-idx3-ubyte"), kind: .images)
        let gzipped = try IDXFile.read(folder.write(Fixtures.gzip(bytes), to: "images-idx3-ubyte.gz"), kind: .images)
        #expect(raw.dimensions == [4, 2, 3])
        #expect(raw.bytes == (0..<24).map(UInt8.init))
        #expect(gzipped.dimensions == raw.dimensions)
        #expect(gzipped.bytes == raw.bytes)
    }

    @Test func readsGzipWhateverTheName() throws {
        let path = folder.write(Fixtures.gzip(Fixtures.labels([1, 2, 3])), to: "labels-idx1-ubyte")
        #expect(try IDXFile.read(path, kind: .labels).bytes == [1, 2, 3])
    }

    @Test func emptyDatasetIsValid() throws {
        let file = try IDXFile.read(folder.write(Fixtures.images(count: 0), to: "empty"), kind: .images)
        #expect(file.dimensions == [0, 2, 3] && file.bytes.isEmpty)
    }

    @Test func truncatedHeaderNamesTheFile() throws {
        let path = folder.write(Array(Fixtures.images(count: 1).prefix(9)), to: "short")
        let error = #expect(throws: IDXError.self) { try IDXFile.read(path, kind: .images) }
        #expect(error == .truncatedHeader(file: path, found: 9, expected: 16))
        #expect(error?.description == "\(path): truncated IDX header (9 bytes, expected at least 16)")
    }

    @Test func truncatedPayloadSaysWhatTheHeaderPromised() throws {
        let full = Fixtures.idx(dimensions: [10000, 28, 28], payload: [UInt8](repeating: 7, count: 7_839_000))
        let path = folder.write(Fixtures.gzip(full), to: "t10k-images-idx3-ubyte.gz")
        let error = #expect(throws: IDXError.self) { try IDXFile.read(path, kind: .images) }
        #expect(error?.description ==
            "\(path): header says 10000 images of 28×28 (7840000 bytes) but the file holds 7839000")
    }

    @Test func payloadLongerThanTheHeaderSaysIsAnError() throws {
        let path = folder.write(Fixtures.labels([1, 2]) + [3], to: "long")
        let error = #expect(throws: IDXError.self) { try IDXFile.read(path, kind: .labels) }
        #expect(error == .payloadMismatch(file: path, dimensions: [2], expectedBytes: 2, foundBytes: 3))
        #expect(error?.description.contains("header says 2 labels (2 bytes) but the file holds 3") == true)
    }

    @Test func wrongMagicIsNotAnIDXFile() throws {
        let path = folder.write(Array("hello, world".utf8), to: "x")
        let error = #expect(throws: IDXError.self) { try IDXFile.read(path, kind: .images) }
        #expect(error?.description == "\(path): not gzip and not an IDX image file (magic 0x68656c6c, expected 0x00000803)")
    }

    @Test func labelFileWhereImagesAreExpectedIsNamed() throws {
        let path = folder.write(Fixtures.labels([1]), to: "labels")
        let error = #expect(throws: IDXError.self) { try IDXFile.read(path, kind: .images) }
        #expect(error == .wrongMagic(file: path, found: 0x801, expected: 0x803, wasGzip: false))
        #expect(error?.description.contains("an IDX file with 1 dimensions, not an IDX image file") == true)
    }

    @Test func wrongElementTypeIsRejected() throws {
        let path = folder.write(Fixtures.idx(dimensions: [1], payload: [0, 0, 0, 0], elementType: 0x0D), to: "floats")
        let error = #expect(throws: IDXError.self) { try IDXFile.read(path, kind: .labels) }
        #expect(error?.description == "\(path): IDX element type 0x0d, expected 0x08 (unsigned byte)")
    }

    @Test func gzNameWithoutGzipContentsIsAnError() throws {
        let path = folder.write(Fixtures.labels([1]), to: "train-labels-idx1-ubyte.gz")
        let error = #expect(throws: IDXError.self) { try IDXFile.read(path, kind: .labels) }
        #expect(error?.description == "\(path): named .gz but not gzip (starts with 00 00, expected 1f 8b)")
    }

    @Test func gzippedTwiceIsDiagnosed() throws {
        let path = folder.write(Fixtures.gzip(Fixtures.gzip(Fixtures.labels([1]))), to: "twice.gz")
        let error = #expect(throws: IDXError.self) { try IDXFile.read(path, kind: .labels) }
        #expect(error?.description.contains("gzipped twice") == true)
    }

    @Test func missingFileIsUnreadable() throws {
        let path = folder.path + "/nothing-here"
        let error = #expect(throws: IDXError.self) { try IDXFile.read(path, kind: .labels) }
        #expect(error?.description.hasPrefix("\(path): cannot be read (") == true)
    }
}
