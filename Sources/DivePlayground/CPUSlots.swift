import Foundation

/// The cores the playground's sessions may train on together: a session trains only while it
/// holds a slot, for one slice of at most a frame's time, so many playing tabs share the CPU
/// instead of each taking a core.
final class CPUSlots: @unchecked Sendable {
    private let semaphore: DispatchSemaphore

    /// `count` slots (at least 1).
    init(count: Int) { semaphore = DispatchSemaphore(value: max(1, count)) }

    /// Waits for a free slot.
    func acquire() { semaphore.wait() }

    /// Gives the slot back.
    func release() { semaphore.signal() }
}
