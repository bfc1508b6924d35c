@testable import DivePlayground
import Foundation
import Hummingbird
#if canImport(Glibc)
import Glibc
#endif

/// A playground server on a free port of 127.0.0.1 for the length of `body`.
func withTestServer<T: Sendable>(_ registry: SessionRegistry = SessionRegistry(maximumSessions: 4, cores: 1),
                                 _ body: @escaping @Sendable (Int) throws -> T) async throws -> T {
    let port = Locked<Int?>(nil)
    let app = PlaygroundServer.application(host: "127.0.0.1", port: 0, registry: registry) { port.value = $0 }
    return try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask {
            try await app.run()
            return nil
        }
        while port.value == nil { try await Task.sleep(for: .milliseconds(10)) }
        let bound = port.value!
        // The client blocks on its sockets: on a thread of its own, not one of the server's.
        defer { group.cancelAll() }          // also when `body` throws: the server must stop
        return try await onThread { try body(bound) }
    }
}

/// Runs `body` on a new thread and waits for it without blocking a concurrency thread.
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

/// A blocking TCP connection to 127.0.0.1: just enough HTTP/1.1 and WebSocket (RFC 6455) to test
/// the server from outside.
///
/// Every read has a deadline, so a test waiting for a message that never comes fails with a message
/// instead of hanging. A deadline covers a whole call: the server's pings (every 30 s) are answered
/// but do not extend it, as they would a socket receive timeout.
final class TestConnection {
    struct Failure: Error, CustomStringConvertible { var description: String }
    /// How long one call waits for the server unless told otherwise.
    static let defaultTimeout: TimeInterval = 10
    private let socketDescriptor: Int32
    private var buffered: [UInt8] = []

    init(port: Int) throws {
        #if canImport(Glibc)
        socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        socketDescriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard status == 0 else { throw Failure(description: "cannot connect to port \(port)") }
    }

    deinit { close(socketDescriptor) }

    func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(socketDescriptor, $0.baseAddress, $0.count, 0) }
            guard sent > 0 else { throw Failure(description: "write failed") }
            offset += sent
        }
    }

    /// Exactly `count` bytes, by `deadline`; `what` names them in the failure.
    func read(count: Int, by deadline: Date, _ what: String) throws -> [UInt8] {
        while buffered.count < count {
            switch try receiveChunk(by: deadline) {
            case .some(let chunk): buffered += chunk
            case nil: throw Failure(description: "the server closed the connection while the test read \(what) "
                                    + "(\(buffered.count) of \(count) bytes)")
            }
        }
        defer { buffered.removeFirst(count) }
        return Array(buffered[..<count])
    }

    /// The next bytes the server sends, or nil when it has closed the connection.
    private func receiveChunk(by deadline: Date) throws -> [UInt8]? {
        var descriptor = pollfd(fd: socketDescriptor, events: Int16(POLLIN), revents: 0)
        while true {
            let milliseconds = Int32(max(0, deadline.timeIntervalSinceNow * 1000).rounded(.up))
            let ready = poll(&descriptor, 1, milliseconds)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { throw Failure(description: "nothing from the server by the test's deadline") }
            break
        }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let received = chunk.withUnsafeMutableBytes { recv(socketDescriptor, $0.baseAddress, $0.count, 0) }
        guard received >= 0 else { throw Failure(description: "reading from the server failed (errno \(errno))") }
        return received == 0 ? nil : Array(chunk[..<received])
    }

    /// Reads and drops whatever the server still sends until it closes the connection; throws when
    /// the connection is still open after `seconds`.
    func waitUntilClosedByServer(within seconds: TimeInterval = defaultTimeout) throws {
        let deadline = Date(timeIntervalSinceNow: seconds)
        buffered.removeAll()
        do {
            while try receiveChunk(by: deadline) != nil {}
        } catch let failure as Failure {
            throw Failure(description: "the server kept the connection open for \(seconds) s: \(failure.description)")
        }
    }

    /// Everything up to the end of the HTTP head, decoded.
    func readHead(within seconds: TimeInterval = defaultTimeout) throws -> String {
        let deadline = Date(timeIntervalSinceNow: seconds)
        var head: [UInt8] = []
        while !head.suffix(4).elementsEqual([13, 10, 13, 10]) { head += try read(count: 1, by: deadline, "an HTTP head") }
        return String(decoding: head, as: UTF8.self)
    }

    /// `GET path`: the status, the head and the body (the server closes after it).
    static func get(_ path: String, port: Int) throws -> (status: Int, head: String, body: [UInt8]) {
        let connection = try TestConnection(port: port)
        try connection.write(Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8))
        let head = try connection.readHead()
        let status = Int(head.split(separator: " ")[1]) ?? 0
        let lengthLine = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
        let length = lengthLine.flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
        return (status, head, try connection.read(count: length, by: Date(timeIntervalSinceNow: defaultTimeout), "a body"))
    }

    /// Opens a WebSocket on `path`.
    static func webSocket(_ path: String = "/ws", port: Int) throws -> TestConnection {
        let connection = try TestConnection(port: port)
        try connection.write(Array(("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").utf8))
        let head = try connection.readHead()
        guard head.hasPrefix("HTTP/1.1 101") else { throw Failure(description: "no upgrade: \(head)") }
        return connection
    }

    /// Sends one masked frame (opcode 1 text, 2 binary).
    func send(_ payload: [UInt8], opcode: UInt8 = 1) throws {
        var frame: [UInt8] = [0x80 | opcode]
        switch payload.count {
        case ..<126: frame.append(0x80 | UInt8(payload.count))
        case ..<65536: frame += [0x80 | 126, UInt8(payload.count >> 8), UInt8(payload.count & 0xff)]
        default: frame.append(0x80 | 127); frame += (0..<8).reversed().map { UInt8(truncatingIfNeeded: payload.count >> (8 * $0)) }
        }
        let mask: [UInt8] = [0x12, 0x34, 0x56, 0x78]
        frame += mask
        frame += payload.enumerated().map { $0.element ^ mask[$0.offset % 4] }
        try write(frame)
    }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    /// The next data frame's payload as text within `seconds` (pings are answered, a close frame
    /// gives nil); throws when the deadline passes or the connection ends without a close frame.
    func receiveText(within seconds: TimeInterval = defaultTimeout) throws -> String? {
        let deadline = Date(timeIntervalSinceNow: seconds)
        do {
            return try receiveText(by: deadline)
        } catch let failure as Failure {
            throw Failure(description: "no WebSocket message within \(seconds) s: \(failure.description)")
        }
    }

    private func receiveText(by deadline: Date) throws -> String? {
        while true {
            let head = try read(count: 2, by: deadline, "a frame head")
            let opcode = head[0] & 0x0f
            var length = Int(head[1] & 0x7f)
            if length == 126 { length = try read(count: 2, by: deadline, "a frame length").reduce(0) { $0 << 8 | Int($1) } }
            if length == 127 { length = try read(count: 8, by: deadline, "a frame length").reduce(0) { $0 << 8 | Int($1) } }
            let payload = try read(count: length, by: deadline, "a frame's payload")
            switch opcode {
            case 1, 2: return String(decoding: payload, as: UTF8.self)
            case 8: return nil
            case 9: try send(payload, opcode: 10)
            default: continue
            }
        }
    }

    /// Messages as JSON objects until one satisfies `condition`, within `seconds` in all; returns
    /// all read so far.
    func receive(within seconds: TimeInterval = 30, until condition: ([String: Any]) -> Bool) throws -> [[String: Any]] {
        let deadline = Date(timeIntervalSinceNow: seconds)
        var messages: [[String: Any]] = []
        do {
            while let text = try receiveText(by: deadline) {
                guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { continue }
                messages.append(object)
                if condition(object) { return messages }
            }
        } catch let failure as Failure {
            throw Failure(description: "the expected message did not come within \(seconds) s (\(messages.count) others did): "
                          + failure.description)
        }
        throw Failure(description: "the server closed the WebSocket before the expected message; got \(messages.count) others")
    }
}

/// A value shared between a test and its handlers.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}
