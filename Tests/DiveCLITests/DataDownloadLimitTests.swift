import Dive
import Foundation
import Testing

/// `dive data download` against a server on 127.0.0.1 that is too slow or sends the wrong size:
/// it gives up with a message, exit status 1 (or the signal's status), and leaves no file.
@Suite struct DataDownloadLimitTests {
    static let firstFile = "train-images-idx3-ubyte.gz"

    /// A server whose first Fashion-MNIST file is `response`.
    static func server(_ response: LoopbackHTTPServer.Response) throws -> LoopbackHTTPServer {
        try LoopbackHTTPServer(routes: ["/\(firstFile)": response], lifetime: 60)
    }

    @Test func aServerDrippingBytesTimesOutWithTheDeadlineInTheMessage() throws {
        let target = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: target) }
        let server = try Self.server(.drip([UInt8](repeating: 1, count: 26_421_880), interval: 0.5))
        let result = try dive("data", "download", "fashion-mnist", "--to", target.path,
                              "--mirror", server.baseURL.absoluteString, "--timeout", "2")
        #expect(result.status == 1)
        #expect(result.standardError.contains("Error: \(server.baseURL.absoluteString)\(Self.firstFile): timed out after 2 s "
                                              + "(--timeout 2); nothing was installed"), "\(result.standardError)")
        #expect(!result.standardError.contains("NSURLErrorDomain"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty)
    }

    @Test func aServerAnnouncingAnotherSizeIsRefused() throws {
        let target = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: target) }
        let server = try Self.server(.claiming(length: 3_000_000_000, body: [1, 2, 3]))
        let result = try dive("data", "download", "fashion-mnist", "--to", target.path, "--mirror", server.baseURL.absoluteString)
        #expect(result.status == 1)
        #expect(result.standardError.contains("\(Self.firstFile): the server announces 3000000000 bytes, expected 26421880"),
                "\(result.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty)
    }

    @Test(arguments: [[SIGTERM], [SIGINT], [SIGINT, SIGINT]])
    func aSignalStopsTheDownloadAndLeavesNoPartialFile(_ signals: [Int32]) throws {
        let target = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: target) }
        let server = try Self.server(.drip([UInt8](repeating: 1, count: 26_421_880), interval: 0.2))
        let result = try dive(["data", "download", "fashion-mnist", "--to", target.path, "--mirror", server.baseURL.absoluteString],
                              after: "\(Self.firstFile): downloading", sending: signals)
        #expect(result.status == 128 + signals[0], "\(result.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty)
    }
}
