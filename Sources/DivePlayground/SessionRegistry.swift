import Foundation

/// The server's sessions: at most `maximumSessions` at a time, idle ones reclaimed.
public final class SessionRegistry: @unchecked Sendable {
    /// The most sessions open at once; one more is refused with a message.
    public let maximumSessions: Int
    /// Seconds without a message after which a session is closed.
    public let idleTimeout: TimeInterval
    let slots: CPUSlots
    private let lock = NSLock()
    private var sessions: [String: PlaygroundSession] = [:]

    /// A registry allowing `maximumSessions` sessions, closing those idle for `idleTimeout`
    /// seconds, training on at most `cores` cores together (default: all but one, at least 1).
    public init(maximumSessions: Int = 16, idleTimeout: TimeInterval = 30 * 60,
                cores: Int = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)) {
        self.maximumSessions = maximumSessions
        self.idleTimeout = idleTimeout
        slots = CPUSlots(count: cores)
    }

    /// A new session sending through `send`, or nil when `maximumSessions` are open.
    func open(send: @escaping @Sendable (String) -> Void) -> PlaygroundSession? {
        reclaimIdle()
        lock.lock()
        defer { lock.unlock() }
        guard sessions.count < maximumSessions else { return nil }
        let session = PlaygroundSession(id: UUID().uuidString.lowercased(), slots: slots, send: send)
        sessions[session.id] = session
        return session
    }

    /// Closes and forgets `session`.
    func close(_ session: PlaygroundSession) {
        session.close()
        lock.lock()
        sessions[session.id] = nil
        lock.unlock()
    }

    /// The open session with `id`.
    public func session(id: String) -> PlaygroundSession? {
        lock.lock()
        defer { lock.unlock() }
        return sessions[id]
    }

    /// The number of open sessions.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return sessions.count
    }

    /// Closes the sessions idle for longer than `idleTimeout`; returns them (their connections
    /// are closed by their handlers).
    @discardableResult
    func reclaimIdle(now: Date = Date()) -> [PlaygroundSession] {
        lock.lock()
        let idle = sessions.values.filter { $0.isIdle(for: idleTimeout, now: now) }
        for session in idle { sessions[session.id] = nil }
        lock.unlock()
        idle.forEach { $0.close() }
        return idle
    }
}
