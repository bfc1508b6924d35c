@testable import DivePlayground
import DiveTrain
import Foundation
import Testing

/// Every route of the server, through real HTTP and WebSocket connections to a live server.
@Suite struct PlaygroundServerTests {
    @Test func pageScriptAndStylesAreServedFromTheBinary() async throws {
        try await withTestServer { port in
            let page = try TestConnection.get("/", port: port)
            #expect(page.status == 200)
            #expect(page.head.lowercased().contains("content-type: text/html; charset=utf-8"))
            let html = String(decoding: page.body, as: UTF8.self)
            for id in ["epoch", "loss-train", "loss-test", "accuracy-train", "accuracy-test", "play-pause", "step", "reset"] {
                #expect(html.contains("id=\"\(id)\""))
            }
            #expect(!html.contains("src=\"http") && !html.contains("href=\"http"))   // nothing from a CDN
            let script = try TestConnection.get("/playground.js", port: port)
            #expect(script.head.lowercased().contains("content-type: text/javascript"))
            #expect(String(decoding: script.body, as: UTF8.self).contains("new WebSocket"))
            #expect(String(decoding: try TestConnection.get("/playground.css", port: port).body, as: UTF8.self).contains("#heatmap"))
            #expect(try TestConnection.get("/../Package.swift", port: port).status == 404)
            #expect(try TestConnection.get("/Page/index.html", port: port).status == 404)
            #expect(String(decoding: try TestConnection.get("/health", port: port).body, as: UTF8.self) == "ok 0 sessions\n")
        }
    }

    @Test func webSocketSessionStreamsStatesAndServesItsDownloads() async throws {
        let registry = SessionRegistry(maximumSessions: 4, cores: 1)
        try await withTestServer(registry) { port in
            let socket = try TestConnection.webSocket(port: port)
            try socket.send(#"{"type":"settings","hash":"networkShape=3&x=true&y=true"}"#)
            try socket.send(#"{"type":"play"}"#)
            let state = try #require(try socket.receive { $0["type"] as? String == "state" && ($0["epoch"] as? Int ?? 0) >= 5 }.last)
            #expect((state["hash"] as? String)?.contains("networkShape=3&") == true)
            #expect(registry.count == 1)
            let id = try #require(state["session"] as? String)
            let model = try TestConnection.get("/sessions/\(id)/model.safetensors", port: port)
            #expect(model.status == 200)
            #expect(model.head.contains("filename=\"playground.safetensors\""))
            let file = try Safetensors(decoding: model.body, file: "download")
            #expect(file.tensors.map(\.name) == ["0.weight", "0.bias", "2.weight", "2.bias"])
            #expect(file["0.weight"]?.shape == [3, 2])
            let python = String(decoding: try TestConnection.get("/sessions/\(id)/model.py", port: port).body, as: UTF8.self)
            #expect(python.contains("model.load_state_dict(load_file(\"playground.safetensors\"))"))
            let csv = String(decoding: try TestConnection.get("/sessions/\(id)/data.csv", port: port).body, as: UTF8.self)
            #expect(csv.hasPrefix("x1,x2,label,split\n") && csv.split(separator: "\n").count == 501)
            #expect(try TestConnection.get("/sessions/\(id)/secrets.txt", port: port).status == 404)
            #expect(try TestConnection.get("/sessions/nobody/model.safetensors", port: port).status == 404)
            // The session ends with its connection.
            try socket.write([0x88, 0x80, 0, 0, 0, 0])   // close frame
            for _ in 0..<500 where registry.count > 0 { Thread.sleep(forTimeInterval: 0.01) }
            #expect(registry.count == 0)
            #expect(try TestConnection.get("/sessions/\(id)/model.safetensors", port: port).status == 404)
        }
    }

    @Test func garbageOverTheWebSocketGetsErrorsAndTheSessionLives() async throws {
        try await withTestServer { port in
            let socket = try TestConnection.webSocket(port: port)
            try socket.send([0, 255, 13], opcode: 2)
            try socket.send("}{")
            try socket.send(Array([0xff, 0xfe, 0x00]))                        // not UTF-8
            try socket.send(#"{"type":"set","name":"noise","value":"99"}"#)
            try socket.send(#"{"type":"step"}"#)
            let messages = try socket.receive { $0["type"] as? String == "state" && $0["epoch"] as? Int == 1 }
            let errors = messages.filter { $0["type"] as? String == "error" }
            #expect(errors.map { $0["field"] as? String } == ["message", "message", "message", "noise"])
            #expect(errors.last?["message"] as? String == "noise must be a whole number from 0 to 50, got \"99\"")
        }
    }

    @Test func sessionsBeyondTheLimitAreRefusedWithAMessage() async throws {
        let registry = SessionRegistry(maximumSessions: 1, cores: 1)
        try await withTestServer(registry) { port in
            let first = try TestConnection.webSocket(port: port)
            _ = try first.receive { $0["type"] as? String == "state" }
            let second = try TestConnection.webSocket(port: port)
            let refusal = try #require(try second.receiveText()).prefix(300)   // a state instead would fill the log
            #expect(refusal.contains("the server has 1 sessions open, its most"))
            #expect(try second.receiveText() == nil)       // a close frame
            try second.waitUntilClosedByServer()           // then the connection itself
            #expect(registry.count == 1)
            // The open session is unharmed. It sends nothing unless asked: waiting here without
            // asking hung this test while the server's 30 s pings kept resetting the client's
            // socket timeout, before reads had deadlines.
            try first.send(#"{"type":"step"}"#)
            _ = try first.receive { $0["type"] as? String == "state" && $0["epoch"] as? Int == 1 }
        }
    }

    @Test func idleSessionIsClosedWithAMessage() async throws {
        let registry = SessionRegistry(maximumSessions: 2, idleTimeout: 1, cores: 1)
        try await withTestServer(registry) { port in
            let socket = try TestConnection.webSocket(port: port)
            let messages = try socket.receive { $0["field"] as? String == "session" }
            #expect((messages.last?["message"] as? String)?.hasPrefix("session closed after 1 s without activity") == true)
            for _ in 0..<500 where registry.count > 0 { Thread.sleep(forTimeInterval: 0.01) }
            #expect(registry.count == 0)
        }
    }
}
