import Foundation

/// One page's playground (one per browser tab): a trainer, a thread that trains it while
/// playing, and the messages it sends back, at most `framesPerSecond` states a second.
///
/// Every call on the trainer happens under `condition`'s lock. Training runs in slices of a few
/// milliseconds, each holding one of the server's CPU slots (``CPUSlots``), so that sessions
/// together never use more cores than the slots allow.
public final class PlaygroundSession: @unchecked Sendable {
    /// The most states sent in a second.
    public static let framesPerSecond = 30.0
    /// The session's id, which names its downloads (`/sessions/<id>/model.safetensors`).
    public let id: String
    /// Called with each message to the page (JSON text); never called after ``close()``.
    private let send: @Sendable (String) -> Void
    private let slots: CPUSlots
    private let condition = NSCondition()
    /// Callers waiting for `condition`'s lock: the training thread steps aside for them between
    /// epochs (a mutex is not fair, and the thread would otherwise take it back at once).
    private let waitingLock = NSLock()
    private var waitingCount = 0
    private let trainer: PlaygroundTrainer
    private var playing = false
    private var closed = false
    private var pendingFrame = true
    private var pointsChanged = true
    private var notice: String?
    private(set) var lastActivity = Date()

    /// A session with the default settings, sending its messages through `send`.
    init(id: String, slots: CPUSlots, send: @escaping @Sendable (String) -> Void) {
        self.id = id
        self.slots = slots
        self.send = send
        trainer = PlaygroundTrainer(settings: PlaygroundSettings())
        let thread = Thread { [self] in run() }
        thread.name = "playground-\(id.prefix(8))"
        thread.start()
    }

    /// Handles one message from the page; a bad one is answered with an error and changes nothing.
    public func receive(_ text: String) {
        lockAsCaller()
        defer { condition.unlock() }
        guard !closed else { return }
        lastActivity = Date()
        do {
            try handle(try ClientMessage(text: text))
        } catch let error as SettingsError {
            sendError(field: error.field, message: error.description)
        } catch {
            sendError(field: "csv", message: "\(error)")
        }
        pendingFrame = true
        condition.signal()
    }

    /// Stops training for good and sends nothing more.
    public func close() {
        lockAsCaller()
        closed = true
        condition.signal()
        condition.unlock()
    }

    /// Whether the session has had no message for `interval` seconds.
    func isIdle(for interval: TimeInterval, now: Date = Date()) -> Bool {
        lockAsCaller()
        defer { condition.unlock() }
        return now.timeIntervalSince(lastActivity) > interval
    }

    /// Reads the trainer under the session's lock (downloads, tests).
    public func withTrainer<T>(_ body: (PlaygroundTrainer) throws -> T) rethrows -> T {
        lockAsCaller()
        defer { condition.unlock() }
        return try body(trainer)
    }

    /// Applies `message`; throws ``SettingsError`` or ``PointsCSVError`` and changes nothing
    /// when it is refused.
    /// Takes the lock, telling the training thread that someone waits for it.
    private func lockAsCaller() {
        waitingLock.withLock { waitingCount += 1 }
        condition.lock()
        waitingLock.withLock { waitingCount -= 1 }
    }

    private var callerWaiting: Bool { waitingLock.withLock { waitingCount > 0 } }

    private func handle(_ message: ClientMessage) throws {
        notice = nil
        switch message {
        case .settings(let hash):
            let settings = try PlaygroundSettings(hash: hash)
            if settings != trainer.settings { apply(settings) }
        case .set(let name, let value):
            apply(try trainer.settings.setting(name, to: value))
        case .play:
            playing = trainer.divergence == nil
        case .pause:
            playing = false
        case .step:
            playing = false
            trainer.trainEpoch()
        case .reset:
            trainer.reset()
        case .regenerate:
            var settings = trainer.settings
            var generator = settings.generator(salt: UInt64(trainer.epoch) &+ 7)
            settings.seed = String(format: "%.5f", Double(generator.nextUnitFloat()))
            apply(settings)
            pointsChanged = true
        case .addPoint(let x, let y, let label):
            guard abs(x) <= 6, abs(y) <= 6 else {
                throw SettingsError(field: "addPoint", expected: "x and y within -6 to 6", found: "\(x), \(y)")
            }
            let valid = trainer.settings.problem == .classification ? (label == 1 || label == -1) : abs(label) <= 1
            guard valid else {
                throw SettingsError(field: "addPoint.label", expected: trainer.settings.problem == .classification
                                    ? "-1 or 1" : "a number from -1 to 1", found: "\(label)")
            }
            guard trainer.train.count + trainer.test.count < PointsCSV.maximumPoints else {
                throw SettingsError(field: "addPoint", expected: "at most \(PointsCSV.maximumPoints) points", found: "one more")
            }
            trainer.addPoint(DataPoint(x: x, y: y, label: label))
            pointsChanged = true
        case .uploadCSV(let text):
            trainer.useOwnData(try PointsCSV.read(text, problem: trainer.settings.problem))
            playing = false
            pointsChanged = true
            notice = "loaded \(trainer.train.count + trainer.test.count) points from the CSV"
        case .setWeight(let layer, let to, let from, let value):
            guard abs(value) <= 100, trainer.setWeight(layer: layer, to: to, from: from, value: value) else {
                throw SettingsError(field: "setWeight", expected: "an existing link and a value from -100 to 100",
                                    found: "layer \(layer), \(from) → \(to), \(value)")
            }
        }
    }

    private func apply(_ settings: PlaygroundSettings) {
        let dataBefore = (trainer.train, trainer.test)
        trainer.apply(settings)
        if dataBefore.0 != trainer.train || dataBefore.1 != trainer.test { pointsChanged = true }
    }

    private func sendError(field: String, message: String) {
        let object: [String: String] = ["type": "error", "field": field, "message": message]
        if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) {
            send(String(decoding: data, as: UTF8.self))
        }
    }

    /// The training thread: trains while playing, in slices, and sends a state after each slice
    /// (at most `framesPerSecond` a second, paced from one frame's start to the next) and after
    /// every message. A slice lasts at least half as long as the last frame took to make, so
    /// training keeps at least a third of the time however slow frames are (6 layers of 8 on a
    /// loaded machine), and frames of up to 33 ms still make 20 states a second.
    private func run() {
        let frameInterval = 1 / Self.framesPerSecond
        var lastFrame = Date.distantPast     // when the last frame began: frames are paced start to start
        var frameCost: TimeInterval = 0
        condition.lock()
        while !closed {
            if pendingFrame || (playing && Date().timeIntervalSince(lastFrame) >= frameInterval) {
                lastFrame = Date()
                sendFrame()
                frameCost = Date().timeIntervalSince(lastFrame)
            }
            if !playing {
                _ = condition.wait(until: Date().addingTimeInterval(1))
                continue
            }
            condition.unlock()
            slots.acquire()
            condition.lock()
            let sliceEnd = max(lastFrame.addingTimeInterval(frameInterval), Date().addingTimeInterval(frameCost / 2))
            repeat {
                if !trainer.trainEpoch() || trainer.stopConditionMet {
                    playing = false
                    pendingFrame = true
                }
                if callerWaiting { _ = condition.wait(until: Date().addingTimeInterval(0.002)) }
            } while playing && !closed && !pendingFrame && Date() < sliceEnd
            condition.unlock()
            slots.release()
            condition.lock()
        }
        condition.unlock()
    }

    private func sendFrame() {
        let frame = PlaygroundFrame(session: id, trainer: trainer, playing: playing, notice: notice,
                                    includePoints: pointsChanged)
        pendingFrame = false
        pointsChanged = false
        send(frame.json())
    }
}
