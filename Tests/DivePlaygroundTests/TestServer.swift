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
        let result = try await onThread { try body(bound) }
        group.cancelAll()
        return result
    }
}

/// Runs `body` on a new thread and waits for it without blocking a concurrency thread.
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

/// A blocking TCP connection to 127.0.0.1 with a 30-second read timeout: just enough HTTP/1.1
/// and WebSocket (RFC 6455) to test the server from outside.
final class TestConnection {
    struct Failure: Error, CustomStringConvertible { var description: String }
    private let socketDescriptor: Int32
    private var buffered: [UInt8] = []

    init(port: Int) throws {
        #if canImport(Glibc)
        socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        socketDescriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(socketDescriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
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

    /// Exactly `count` bytes.
    func read(count: Int) throws -> [UInt8] {
        while buffered.count < count {
            var chunk = [UInt8](repeating: 0, count: 65536)
            let received = chunk.withUnsafeMutableBytes { recv(socketDescriptor, $0.baseAddress, $0.count, 0) }
            guard received > 0 else { throw Failure(description: "connection closed or timed out") }
            buffered += chunk[..<received]
        }
        defer { buffered.removeFirst(count) }
        return Array(buffered[..<count])
    }

    /// Everything up to the end of the HTTP head, decoded.
    func readHead() throws -> String {
        var head: [UInt8] = []
        while !head.suffix(4).elementsEqual([13, 10, 13, 10]) { head += try read(count: 1) }
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
        return (status, head, try connection.read(count: length))
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

    /// The next data frame's payload as text (pings are answered, a close ends with nil).
    func receiveText() throws -> String? {
        while true {
            let head = try read(count: 2)
            let opcode = head[0] & 0x0f
            var length = Int(head[1] & 0x7f)
            if length == 126 { length = try read(count: 2).reduce(0) { $0 << 8 | Int($1) } }
            if length == 127 { length = try read(count: 8).reduce(0) { $0 << 8 | Int($1) } }
            let payload = try read(count: length)
            switch opcode {
            case 1, 2: return String(decoding: payload, as: UTF8.self)
            case 8: return nil
            case 9: try send(payload, opcode: 10)
            default: continue
            }
        }
    }

    /// Messages as JSON objects until one satisfies `condition`; returns all read so far.
    func receive(until condition: ([String: Any]) -> Bool) throws -> [[String: Any]] {
        var messages: [[String: Any]] = []
        while let text = try receiveText() {
            guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { continue }
            messages.append(object)
            if condition(object) { return messages }
        }
        throw Failure(description: "closed before the expected message; got \(messages.count) messages")
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
