@testable import DivePlayground
import Foundation
import Testing

/// Messages collected from a session, read as JSON objects.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [String] = []

    func append(_ text: String) {
        lock.lock()
        texts.append(text)
        lock.unlock()
    }

    var messages: [[String: Any]] {
        lock.lock()
        defer { lock.unlock() }
        return texts.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    var states: [[String: Any]] { messages.filter { $0["type"] as? String == "state" } }
    var errors: [[String: Any]] { messages.filter { $0["type"] as? String == "error" } }

    /// Waits up to `seconds` for `condition` on the messages so far.
    func wait(seconds: Double = 20, until condition: (Inbox) -> Bool) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if condition(self) { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return condition(self)
    }
}

/// A session handles every message type, refuses bad ones without changing its state, and
/// trains while playing.
@Suite struct PlaygroundSessionTests {
    static func session() -> (PlaygroundSession, Inbox) {
        let inbox = Inbox()
        let session = PlaygroundSession(id: "test", slots: CPUSlots(count: 1)) { inbox.append($0) }
        return (session, inbox)
    }

    @Test func sendsAStateOnOpenWithHeatmapsAndPoints() throws {
        let (session, inbox) = Self.session()
        defer { session.close() }
        #expect(inbox.wait { !$0.states.isEmpty })
        let state = try #require(inbox.states.first)
        #expect(state["hash"] as? String == PlaygroundSettings().hash)
        let output = try #require(Data(base64Encoded: state["output"] as? String ?? ""))
        #expect(output.count == 100 * 100)
        #expect(Set(output).count > 10)                                  // not uniform
        let neurons = try #require(state["neurons"] as? [[String]])
        #expect(neurons.map(\.count) == [2, 4, 2])                       // features, then each hidden layer
        #expect(Data(base64Encoded: neurons[1][0])?.count == 20 * 20)
        let points = try #require(state["points"] as? [String: [[Double]]])
        #expect(points["train"]?.count == 250 && points["test"]?.count == 250)
    }

    @Test func settingsMessageAppliesAHashAndBadOnesChangeNothing() throws {
        let (session, inbox) = Self.session()
        defer { session.close() }
        session.receive(##"{"type":"settings","hash":"#dataset=spiral&networkShape=8,8,8&learningRate=0.1"}"##)
        #expect(inbox.wait { $0.states.contains { ($0["hash"] as? String)?.contains("dataset=spiral") == true } })
        session.receive(#"{"type":"set","name":"learningRate","value":"100"}"#)
        #expect(inbox.wait { !$0.errors.isEmpty })
        #expect(inbox.errors.first?["field"] as? String == "learningRate")
        #expect(inbox.errors.first?["message"] as? String == "learningRate must be a number from 0.00001 to 10, got \"100\"")
        session.withTrainer { trainer in
            #expect(trainer.settings.learningRate == 0.1 && trainer.settings.networkShape == [8, 8, 8])
        }
    }

    @Test func stepPlayPauseAndReset() throws {
        let (session, inbox) = Self.session()
        defer { session.close() }
        session.receive(#"{"type":"step"}"#)
        #expect(inbox.wait { $0.states.contains { $0["epoch"] as? Int == 1 } })
        session.receive(#"{"type":"play"}"#)
        #expect(inbox.wait { $0.states.contains { ($0["epoch"] as? Int ?? 0) > 20 && $0["playing"] as? Bool == true } })
        session.receive(#"{"type":"pause"}"#)
        #expect(inbox.wait { $0.states.last?["playing"] as? Bool == false })
        session.receive(#"{"type":"reset"}"#)
        #expect(inbox.wait { $0.states.last?["epoch"] as? Int == 0 })
    }

    @Test func stopEpochPausesTraining() throws {
        let (session, inbox) = Self.session()
        defer { session.close() }
        session.receive(#"{"type":"set","name":"stopEpoch","value":"30"}"#)
        session.receive(#"{"type":"play"}"#)
        #expect(inbox.wait { $0.states.last?["playing"] as? Bool == false && $0.states.last?["epoch"] as? Int == 30 })
    }

    @Test func divergenceMessageReachesThePage() throws {
        let (session, inbox) = Self.session()
        defer { session.close() }
        session.receive(#"{"type":"settings","hash":"learningRate=10&activation=relu&networkShape=8,8,8,8&problem=regression&regDataset=reg-gauss"}"#)
        session.receive(#"{"type":"play"}"#)
        #expect(inbox.wait { ($0.states.last?["divergence"] as? String)?.hasPrefix("loss became") == true })
        #expect(inbox.states.last?["playing"] as? Bool == false)
    }

    @Test func ownPointsByClickAndCSV() throws {
        let (session, inbox) = Self.session()
        defer { session.close() }
        session.receive(#"{"type":"addPoint","x":1.5,"y":-2,"label":1}"#)
        #expect(inbox.wait { ($0.states.last?["points"] as? [String: [[Double]]])?["train"]?.count == 251 })
        session.receive(#"{"type":"addPoint","x":9,"y":0,"label":1}"#)
        session.receive(#"{"type":"addPoint","x":1,"y":0,"label":0.5}"#)
        #expect(inbox.wait { $0.errors.count == 2 })
        #expect(inbox.errors.map { $0["field"] as? String } == ["addPoint", "addPoint.label"])
        session.receive(#"{"type":"uploadCSV","text":"x1,x2,label\n1,1,1\n-1,-1,-1\n2,2,1\n-2,-2,-1\n"}"#)
        #expect(inbox.wait { $0.states.last?["ownData"] as? Bool == true
                             && ($0.states.last?["points"] as? [String: [[Double]]])?["train"]?.count == 2 })
        session.receive(#"{"type":"uploadCSV","text":"1,1,1\nbad,row,1\n"}"#)
        #expect(inbox.wait { $0.errors.count == 3 })
        #expect(inbox.errors.last?["message"] as? String == "CSV line 2: expected three numbers x1,x2,label, found \"bad,row,1\"")
        session.withTrainer { #expect($0.train.count + $0.test.count == 4) }
    }

    @Test func setWeightAndRegenerate() throws {
        let (session, inbox) = Self.session()
        defer { session.close() }
        session.receive(#"{"type":"setWeight","layer":0,"to":2,"from":1,"value":-1.25}"#)
        #expect(inbox.wait { (($0.states.last?["weights"] as? [[[Double]]])?[0][2][1]) == -1.25 })
        let seed = session.withTrainer { $0.settings.seed }
        session.receive(#"{"type":"regenerate"}"#)
        #expect(inbox.wait { _ in session.withTrainer { $0.settings.seed } != seed })
    }

    @Test(arguments: ["", "not json", "[1,2]", #"{"type":42}"#, #"{"type":"explode"}"#, #"{"type":"set","name":5}"#,
                      #"{"type":"addPoint","x":"a","y":0,"label":1}"#, #"{"type":"setWeight","layer":-1,"to":0,"from":0,"value":1}"#,
                      #"{"type":"settings"}"#, "binary message", String(repeating: "{", count: 100_000)])
    func garbageIsRefusedAndTheSessionGoesOn(garbage: String) throws {
        let (session, inbox) = Self.session()
        defer { session.close() }
        session.receive(garbage)
        #expect(inbox.wait { !$0.errors.isEmpty })
        session.receive(#"{"type":"step"}"#)
        #expect(inbox.wait { $0.states.contains { $0["epoch"] as? Int == 1 } })
    }

    @Test func registryBoundsSessionsAndReclaimsIdleOnes() throws {
        let registry = SessionRegistry(maximumSessions: 2, idleTimeout: 60, cores: 1)
        let first = try #require(registry.open { _ in })
        let second = try #require(registry.open { _ in })
        #expect(registry.open { _ in } == nil)
        #expect(registry.session(id: first.id) === first)
        let reclaimed = registry.reclaimIdle(now: Date().addingTimeInterval(120))
        #expect(Set(reclaimed.map(\.id)) == [first.id, second.id])
        #expect(registry.count == 0)
        let third = try #require(registry.open { _ in })
        registry.close(third)
        #expect(registry.session(id: third.id) == nil)
    }
}
