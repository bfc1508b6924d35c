import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 at a port the system picks, for download tests.
///
/// It answers one request at a time from a fixed table and closes each connection after the
/// answer. It stops when released, and by itself after `lifetime` seconds, so a failing test
/// cannot leave it running.
final class LoopbackHTTPServer: @unchecked Sendable {
    /// How to answer a path.
    enum Response: Sendable {
        /// 200 with this body.
        case ok([UInt8])
        /// Announce the whole body, send only its first `sentBytes` bytes, then close.
        case dropAfter([UInt8], sentBytes: Int)
        /// Announce `length` bytes whatever the body holds, send the body, then close.
        case claiming(length: Int, body: [UInt8])
        /// 200 without a Content-Length: the body, then close.
        case unannounced([UInt8])
        /// Announce the body, then send it one byte every `interval` seconds (until the server stops).
        case drip([UInt8], interval: TimeInterval)
    }

    let port: UInt16
    private let core: Core

    /// Starts serving `routes` (paths such as "/data/a.gz"); any other path gets a 404.
    init(routes: [String: Response], lifetime: TimeInterval = 20) throws {
        #if canImport(Glibc)
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let listener = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard listener >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(listener, generic, length) == 0 && listen(listener, 8) == 0
                    && getsockname(listener, generic, &length) == 0
            }
        }
        guard bound else { close(listener); throw POSIXError(.EADDRNOTAVAIL) }
        port = UInt16(bigEndian: address.sin_port)
        let core = Core(listener: listener, routes: routes)
        self.core = core
        let deadline = Date().addingTimeInterval(lifetime)
        // The thread holds only the core, so releasing the server stops it.
        Thread { core.serve(until: deadline) }.start()
    }

    deinit { core.stop() }

    /// The base URL, e.g. "http://127.0.0.1:40123/".
    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/")! }

    /// The paths requested so far, in order.
    var requestedPaths: [String] { core.requestedPaths }
}

/// The listening socket and the answers, shared with the serving thread.
private final class Core: @unchecked Sendable {
    private let listener: Int32
    private let routes: [String: LoopbackHTTPServer.Response]
    private let lock = NSLock()
    private var stopped = false
    private var requested: [String] = []

    init(listener: Int32, routes: [String: LoopbackHTTPServer.Response]) {
        self.listener = listener
        self.routes = routes
    }

    var requestedPaths: [String] { lock.withLock { requested } }

    func stop() { lock.withLock { stopped = true } }

    func serve(until deadline: Date) {
        defer { close(listener) }
        while !lock.withLock({ stopped }), Date() < deadline {
            var waiting = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&waiting, 1, 100) > 0 else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            answer(connection)
            close(connection)
        }
    }

    private func answer(_ connection: Int32) {
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var request: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while !request.containsHeaderEnd {
            let n = recv(connection, &chunk, chunk.count, 0)
            guard n > 0 else { return }
            request += chunk[..<n]
        }
        let requestLine = String(decoding: request.prefix { $0 != 13 }, as: UTF8.self).split(separator: " ")
        let path = requestLine.count > 1 ? String(requestLine[1]) : "/"
        lock.withLock { requested.append(path) }
        switch routes[path] {
        case .ok(let body)?:
            send(connection, header(status: "200 OK", length: body.count) + body)
        case .dropAfter(let body, let sentBytes)?:
            send(connection, header(status: "200 OK", length: body.count) + body.prefix(sentBytes))
        case .claiming(let length, let body)?:
            send(connection, header(status: "200 OK", length: length) + body)
        case .unannounced(let body)?:
            send(connection, Array("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n".utf8) + body)
        case .drip(let body, let interval)?:
            send(connection, header(status: "200 OK", length: body.count))
            for byte in body where !lock.withLock({ stopped }) {
                Thread.sleep(forTimeInterval: interval)
                guard send(connection, [byte]) else { return }
            }
        case nil:
            let body = Array("not found\n".utf8)
            send(connection, header(status: "404 Not Found", length: body.count) + body)
        }
    }

    private func header(status: String, length: Int) -> [UInt8] {
        Array("HTTP/1.1 \(status)\r\nContent-Length: \(length)\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n".utf8)
    }

    /// Sends `bytes`; false when the client has gone.
    @discardableResult
    private func send(_ connection: Int32, _ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(connection, $0.baseAddress!, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { return false }
            sent += n
        }
        return true
    }
}

private extension [UInt8] {
    var containsHeaderEnd: Bool {
        count >= 4 && (0...(count - 4)).contains { self[$0] == 13 && self[$0 + 1] == 10 && self[$0 + 2] == 13 && self[$0 + 3] == 10 }
    }
}
