import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore

/// `dive playground`'s web server: the embedded page, a WebSocket per tab (`/ws`) that runs a
/// ``PlaygroundSession``, and the session's downloads.
///
/// | route | answer |
/// |---|---|
/// | `GET /`, `/playground.js`, `/playground.css` | the page, compiled into the binary |
/// | `GET /ws` (WebSocket) | a session: messages as in ``ClientMessage``, states as JSON |
/// | `GET /sessions/<id>/model.safetensors` | the trained network, PyTorch names |
/// | `GET /sessions/<id>/model.py` | Python that loads it into `torch.nn.Sequential` |
/// | `GET /sessions/<id>/data.csv` | the points, `x1,x2,label,split` |
/// | `GET /health` | `ok` and the number of sessions |
public enum PlaygroundServer {
    /// The largest WebSocket message accepted (a 1 MB CSV with its JSON escaping fits).
    public static let maximumMessageBytes = 2 * 1024 * 1024

    /// The server's application, bound to `host`:`port` (0 picks a free port); `onRunning`
    /// receives the bound port once it listens.
    public static func application(
        host: String = "127.0.0.1", port: Int = 8080, registry: SessionRegistry = SessionRegistry(),
        logger: Logger = Logger(label: "dive.playground"),
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router(context: BasicWebSocketRequestContext.self)
        addRoutes(to: router, registry: registry)
        return Application(
            router: router,
            server: .http1WebSocketUpgrade(webSocketRouter: router,
                                           configuration: .init(ws: .init(maxFrameSize: maximumMessageBytes))),
            configuration: .init(address: .hostname(host, port: port), serverName: "dive-playground"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger
        )
    }

    static func addRoutes(to router: Router<BasicWebSocketRequestContext>, registry: SessionRegistry) {
        router.get("/") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(bytes: PlaygroundPage.html)))
        }
        router.get("/playground.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(bytes: PlaygroundPage.script)))
        }
        router.get("/playground.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(bytes: PlaygroundPage.style)))
        }
        router.get("/health") { _, _ in "ok \(registry.count) sessions\n" }
        router.get("/sessions/:id/:file") { _, context -> Response in
            guard let id = context.parameters.get("id"), let file = context.parameters.get("file"),
                  let session = registry.session(id: id) else {
                throw HTTPError(.notFound, message: "no such session (it ends when its page closes)")
            }
            let (type, bytes): (String, [UInt8]) = try session.withTrainer { trainer in
                switch file {
                case "model.safetensors": ("application/octet-stream", trainer.safetensors())
                case "model.py": ("text/x-python; charset=utf-8", Array(trainer.pythonSnippet().utf8))
                case "data.csv": ("text/csv; charset=utf-8", Array(PointsCSV.write(train: trainer.train, test: trainer.test).utf8))
                default: throw HTTPError(.notFound, message: "no such download: model.safetensors, model.py or data.csv")
                }
            }
            let name = file == "model.safetensors" ? "playground.safetensors" : file == "model.py" ? "playground.py" : "playground.csv"
            return Response(status: .ok,
                            headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        router.ws("/ws") { _, _ in
            .upgrade([:])
        } onUpgrade: { inbound, outbound, _ in
            try await serve(inbound: inbound, outbound: outbound, registry: registry)
        }
    }

    /// Runs one session for the life of its WebSocket: states and errors go out as they come,
    /// messages come in; the session closes with the connection or when it goes idle.
    static func serve(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter,
                      registry: SessionRegistry) async throws {
        let (messages, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(32))
        guard let session = registry.open(send: { continuation.yield($0) }) else {
            try await outbound.write(.text(#"{"type":"error","field":"session","message":"the server has "# +
                                           #"\#(registry.maximumSessions) sessions open, its most; close a tab and reload"}"#))
            try await outbound.close(.policyViolation, reason: "too many sessions")
            return
        }
        defer {
            registry.close(session)
            continuation.finish()
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await message in messages { try await outbound.write(.text(message)) }
            }
            group.addTask {
                for try await message in inbound.messages(maxSize: maximumMessageBytes) {
                    switch message {
                    case .text(let text): session.receive(text)
                    case .binary: session.receive("binary message")
                    }
                }
            }
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(for: .seconds(min(registry.idleTimeout, 10)))
                    guard session.isIdle(for: registry.idleTimeout) else { continue }
                    try await outbound.write(.text(#"{"type":"error","field":"session","message":"session closed "# +
                                                   #"after \#(Int(registry.idleTimeout)) s without activity; reload the page"}"#))
                    try await outbound.close(.goingAway, reason: "idle")
                    return
                }
            }
            // The first task to end (connection closed, or idle) ends the session.
            try await group.next()
            group.cancelAll()
        }
    }
}

extension PlaygroundServer {
    /// Serves the playground on `host`:`port` until SIGINT or SIGTERM, calling `onRunning` with
    /// the page's URL once it listens.
    ///
    /// - Throws: ``PlaygroundServerError`` when the address cannot be bound (a port in use).
    public static func run(host: String, port: Int, onRunning: @escaping @Sendable (String) async -> Void) async throws {
        var logger = Logger(label: "dive.playground")
        logger.logLevel = .warning
        let displayHost = host.contains(":") ? "[\(host)]" : host
        let app = application(host: host, port: port, logger: logger) { bound in
            await onRunning("http://\(displayHost):\(bound)/")
        }
        do {
            try await app.runService()
        } catch let error as IOError {
            throw PlaygroundServerError(host: host, port: port, reason: error.description)
        }
    }
}

/// The server could not listen where it was asked to.
public struct PlaygroundServerError: Error, CustomStringConvertible {
    /// The address asked for.
    public var host: String
    /// The port asked for.
    public var port: Int
    /// The system's reason.
    public var reason: String

    /// `cannot listen on 127.0.0.1:8080 (…): pick another port with --port, or --port 0 for a free one`.
    public var description: String {
        "cannot listen on \(host):\(port) (\(reason)); pick another port with --port, or --port 0 for a free one"
    }
}
