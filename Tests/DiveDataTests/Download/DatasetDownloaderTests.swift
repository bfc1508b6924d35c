@testable import DiveData
import Foundation
import Testing

/// Downloads from a server on 127.0.0.1 started by each test; nothing else is ever contacted.
@Suite struct DatasetDownloaderTests {
    let folder = TemporaryDirectory()
    let files = [
        ("train-images-idx3-ubyte.gz", Fixtures.gzip(Fixtures.images(count: 3))),
        ("train-labels-idx1-ubyte.gz", Fixtures.gzip(Fixtures.labels([0, 1, 2]))),
    ]

    func source(at server: LoopbackHTTPServer, md5s: [String]? = nil) -> DatasetSource {
        let remote = zip(files, md5s ?? files.map { MD5.hexDigest(of: $0.1) }).map {
            DatasetSource.RemoteFile(name: $0.0.0, md5: $0.1, size: Int64($0.0.1.count))
        }
        return DatasetSource(name: "tiny", mirrors: [server.baseURL.appendingPathComponent("data/")], files: remote)
    }

    func routes(replacing path: String? = nil, with response: LoopbackHTTPServer.Response? = nil)
        -> [String: LoopbackHTTPServer.Response] {
        var routes = Dictionary(uniqueKeysWithValues: files.map { ("/data/\($0.0)", LoopbackHTTPServer.Response.ok($0.1)) })
        if let path { routes[path] = response }
        return routes
    }

    @Test func goodDownloadInstallsEveryFileAndTheyLoad() throws {
        let server = try LoopbackHTTPServer(routes: routes())
        let events = EventLog()
        let paths = try DatasetDownloader(source: source(at: server)).download(to: folder.path) { events.add($0) }
        #expect(folder.fileNames == files.map(\.0).sorted())
        #expect(paths.map { ($0 as NSString).lastPathComponent } == files.map(\.0))
        for (name, bytes) in files {
            #expect(FileManager.default.contents(atPath: folder.path + "/" + name) == Data(bytes))
        }
        #expect(events.verified == files.map(\.0))
        let dataset = try IDXImageCollection.read(imagesAt: paths[0], labelsAt: paths[1], classNames: ["a", "b", "c"])
        #expect(dataset.labels == [0, 1, 2])
    }

    @Test func filesAlreadyPresentWithTheRightChecksumAreNotFetchedAgain() throws {
        let server = try LoopbackHTTPServer(routes: routes())
        folder.write(files[0].1, to: files[0].0)
        try DatasetDownloader(source: source(at: server)).download(to: folder.path)
        #expect(server.requestedPaths == ["/data/\(files[1].0)"])
        #expect(folder.fileNames == files.map(\.0).sorted())
    }

    @Test func corruptedFileIsRejectedAndNothingIsInstalled() throws {
        var corrupted = files[1].1
        corrupted[corrupted.count / 2] ^= 0x40
        let server = try LoopbackHTTPServer(routes: routes(replacing: "/data/\(files[1].0)", with: .ok(corrupted)))
        let error = #expect(throws: DownloadError.self) {
            try DatasetDownloader(source: source(at: server)).download(to: folder.path)
        }
        let expected = MD5.hexDigest(of: files[1].1), found = MD5.hexDigest(of: corrupted)
        #expect(error == .checksumMismatch(file: files[1].0, url: server.baseURL.absoluteString + "data/" + files[1].0,
                                           expected: expected, found: found))
        #expect(error?.description.contains("\(files[1].0): checksum mismatch, expected MD5 \(expected) but found \(found)") == true)
        #expect(folder.fileNames.isEmpty)   // the first file, though good, was not installed either
    }

    @Test func missingFileIsAnHTTPErrorAndNothingIsInstalled() throws {
        let server = try LoopbackHTTPServer(routes: routes(replacing: "/data/\(files[1].0)", with: nil))
        let error = #expect(throws: DownloadError.self) {
            try DatasetDownloader(source: source(at: server)).download(to: folder.path)
        }
        #expect(error == .httpStatus(url: server.baseURL.absoluteString + "data/" + files[1].0, status: 404))
        #expect(folder.fileNames.isEmpty)
    }

    @Test func droppedConnectionIsAnErrorAndNothingIsInstalled() throws {
        let body = files[0].1
        let server = try LoopbackHTTPServer(routes: routes(replacing: "/data/\(files[0].0)",
                                                           with: .dropAfter(body, sentBytes: body.count / 2)))
        let error = #expect(throws: DownloadError.self) {
            try DatasetDownloader(source: source(at: server)).download(to: folder.path)
        }
        switch error {
        case .transfer?, .incomplete?: break
        default: Issue.record("expected a transfer error, got \(String(describing: error))")
        }
        #expect(folder.fileNames.isEmpty)
    }

    @Test func nextMirrorIsTriedWhenOneFails() throws {
        let server = try LoopbackHTTPServer(routes: routes())
        let good = source(at: server)
        let withBadMirror = DatasetSource(name: "tiny", mirrors: [server.baseURL.appendingPathComponent("gone/")] + good.mirrors,
                                          files: good.files)
        try DatasetDownloader(source: withBadMirror).download(to: folder.path)
        #expect(folder.fileNames == files.map(\.0).sorted())
        #expect(server.requestedPaths.first == "/gone/\(files[0].0)")
    }

    @Test func missingTargetFolderIsCreated() throws {
        let server = try LoopbackHTTPServer(routes: routes())
        let target = folder.path + "/a/b"
        try DatasetDownloader(source: source(at: server)).download(to: target)
        #expect(try FileManager.default.contentsOfDirectory(atPath: target).sorted() == files.map(\.0).sorted())
    }

    @Test func serverDrippingBytesTimesOutAtTheDeadlineAndLeavesNothing() throws {
        let server = try LoopbackHTTPServer(routes: routes(replacing: "/data/\(files[0].0)",
                                                           with: .drip(files[0].1, interval: 0.5)))
        let start = Date()
        let error = #expect(throws: DownloadError.self) {
            try DatasetDownloader(source: source(at: server), timeout: 2).download(to: folder.path)
        }
        #expect(error == .timedOut(url: server.baseURL.absoluteString + "data/" + files[0].0, seconds: 2))
        #expect(error?.description.hasSuffix("timed out after 2 s") == true)
        #expect(Date().timeIntervalSince(start) < 15)   // a bound for a hang, not a timing measurement
        #expect(folder.fileNames.isEmpty)
    }

    @Test func silentServerIsGivenUpAfterTheStallTimeout() throws {
        let server = try LoopbackHTTPServer(routes: routes(replacing: "/data/\(files[0].0)",
                                                           with: .drip(files[0].1, interval: 30)))
        let error = #expect(throws: DownloadError.self) {
            try DatasetDownloader(source: source(at: server), timeout: 60, stallTimeout: 1).download(to: folder.path)
        }
        #expect(error == .stalled(url: server.baseURL.absoluteString + "data/" + files[0].0, seconds: 1))
        #expect(error?.description.contains("timed out after 1 s without receiving any data") == true)
        #expect(folder.fileNames.isEmpty)
    }

    @Test func announcedLengthOtherThanTheKnownSizeIsRefusedBeforeTheBody() throws {
        let server = try LoopbackHTTPServer(routes: routes(replacing: "/data/\(files[0].0)",
                                                           with: .claiming(length: 3_000_000_000, body: files[0].1)))
        let error = #expect(throws: DownloadError.self) {
            try DatasetDownloader(source: source(at: server)).download(to: folder.path)
        }
        #expect(error == .wrongSize(url: server.baseURL.absoluteString + "data/" + files[0].0,
                                    expected: Int64(files[0].1.count), found: 3_000_000_000, announced: true))
        #expect(folder.fileNames.isEmpty)
    }

    @Test func bodyLongerThanTheKnownSizeIsCutOff() throws {
        let body = files[0].1 + [UInt8](repeating: 7, count: 2_000_000)
        let server = try LoopbackHTTPServer(routes: routes(replacing: "/data/\(files[0].0)", with: .unannounced(body)))
        let error = #expect(throws: DownloadError.self) {
            try DatasetDownloader(source: source(at: server)).download(to: folder.path)
        }
        guard case .wrongSize(_, let expected, let found, announced: false)? = error else {
            Issue.record("expected wrongSize, got \(String(describing: error))")
            return
        }
        #expect(expected == Int64(files[0].1.count) && found > expected && found < Int64(body.count))
        #expect(folder.fileNames.isEmpty)
    }

    @Test func stopRequestInterruptsTheTransferAndLeavesNothing() throws {
        let server = try LoopbackHTTPServer(routes: routes(replacing: "/data/\(files[1].0)",
                                                           with: .drip(files[1].1, interval: 0.2)))
        let stop = StopFlag(), dripping = files[1].0
        let error = #expect(throws: DownloadError.self) {
            try DatasetDownloader(source: source(at: server)).download(to: folder.path, report: { event in
                if case .progress(let file, _, _) = event, file == dripping { stop.set() }
            }, shouldStop: { stop.isSet })
        }
        #expect(error == .interrupted(url: server.baseURL.absoluteString + "data/" + files[1].0))
        #expect(folder.fileNames.isEmpty)   // neither the finished first file nor the partial second
    }

    @Test func staleTemporaryOfAKilledDownloadIsRemoved() throws {
        let server = try LoopbackHTTPServer(routes: routes())
        let stale = ".\(files[0].0).\(deadProcessIdentifier()).tmp"
        folder.write([1, 2, 3], to: stale)
        try DatasetDownloader(source: source(at: server)).download(to: folder.path)
        #expect(folder.fileNames == files.map(\.0).sorted())
    }
}

/// A flag set from one thread and read from another.
private final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

/// The identifier of a process that has ended: a child that exits at once.
private func deadProcessIdentifier() -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try? process.run()
    process.waitUntilExit()
    return process.processIdentifier
}

/// Collects the names of verified files from the downloader's events.
private final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var names: [String] = []
    func add(_ event: DatasetDownloader.Event) {
        if case .verified(let file) = event { lock.withLock { names.append(file) } }
    }
    var verified: [String] { lock.withLock { names } }
}
