import Foundation

/// Large buffers that tensors have freed, kept for the next tensor of the same size.
///
/// A training step allocates the same large buffers every time (activations, gradients, the
/// batch). Returned to `malloc`, buffers of this size may go back to the operating system and
/// come back as fresh pages, zeroed by the kernel on first touch, which measured up to half the
/// time of a small-batch step. Reusing them makes a step's cost independent of `malloc`'s
/// heuristics. Small buffers are left to `malloc`, which keeps them in its own free lists.
enum BufferCache {
    /// Buffers below this size are not cached.
    static let minimumBytes = 64 << 10
    /// The most bytes kept at once; a buffer freed beyond it goes back to `malloc`.
    static let capacityBytes = 128 << 20

    nonisolated(unsafe) private static var free: [Int: [UnsafeMutableRawPointer]] = [:]
    nonisolated(unsafe) private static var cachedBytes = 0
    private static let lock = NSLock()

    /// Bytes held now.
    static var heldBytes: Int { lock.withLock { cachedBytes } }

    /// A 64-byte-aligned buffer of `byteCount` bytes, reused when one of that size was freed.
    static func allocate(byteCount: Int) -> UnsafeMutableRawPointer {
        if byteCount >= minimumBytes {
            let reused: UnsafeMutableRawPointer? = lock.withLock {
                guard let pointer = free[byteCount]?.popLast() else { return nil }
                cachedBytes -= byteCount
                return pointer
            }
            if let reused { return reused }
        }
        return UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: 64)
    }

    /// Takes back a buffer from ``allocate(byteCount:)``; returns whether it was kept for reuse.
    @discardableResult
    static func deallocate(_ pointer: UnsafeMutableRawPointer, byteCount: Int) -> Bool {
        if byteCount >= minimumBytes {
            let kept = lock.withLock {
                guard cachedBytes + byteCount <= capacityBytes else { return false }
                free[byteCount, default: []].append(pointer)
                cachedBytes += byteCount
                return true
            }
            if kept { return true }
        }
        pointer.deallocate()
        return false
    }
}
