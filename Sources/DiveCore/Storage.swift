/// Where a storage's elements live. Today every backend computes in host memory; a device
/// backend (a GPU) adds its case here and its own ``Storage`` allocation.
package enum Device: Sendable, Equatable {
    /// Host memory, 64-byte aligned, read by the CPU and reference backends.
    case cpu
}

/// The elements of one or more tensors: an opaque buffer of `Float`s on a ``Device``, shared by
/// tensors until one of them writes.
///
/// `Tensor` holds its `Storage` by reference and copies it on the first write when the
/// reference is shared (copy-on-write), so views and copies stay cheap. Code reaches the
/// elements only through ``withHostPointer(_:)``, so that no op depends on where they live.
package final class Storage: @unchecked Sendable {
    /// The device that holds the buffer.
    package let device: Device
    /// The number of `Float` elements.
    package let count: Int
    /// The buffer: for `.cpu`, a 64-byte-aligned host allocation from ``BufferCache``.
    private let buffer: UnsafeMutableRawPointer

    /// Uninitialised storage for `count` floats; the caller writes every element.
    package init(uninitializedCount count: Int) {
        self.count = count
        device = .cpu
        buffer = BufferCache.allocate(byteCount: Storage.byteCount(count))
        buffer.bindMemory(to: Float.self, capacity: Swift.max(count, 1))
    }

    /// Storage for `count` floats, each `value`.
    package convenience init(repeating value: Float, count: Int) {
        self.init(uninitializedCount: count)
        withHostPointer { $0.initialize(repeating: value, count: count) }
    }

    /// Storage holding `values` in order.
    package convenience init<C: Collection>(copying values: C) where C.Element == Float {
        self.init(uninitializedCount: values.count)
        withHostPointer { pointer in
            var i = 0
            for v in values { pointer[i] = v; i += 1 }
        }
    }

    /// Calls `body` with the address of the first element in host memory, valid only during the
    /// call. Backends and the few places that fill a fresh tensor (random numbers, data
    /// loaders) use it; ops go through the ``Backend``.
    @inline(__always)
    package func withHostPointer<R>(_ body: (UnsafeMutablePointer<Float>) throws -> R) rethrows -> R {
        try body(buffer.assumingMemoryBound(to: Float.self))
    }

    deinit { BufferCache.deallocate(buffer, byteCount: Storage.byteCount(count)) }

    /// The bytes allocated for `count` floats: at least one float, so that the pointer is valid
    /// even for empty tensors.
    private static func byteCount(_ count: Int) -> Int { Swift.max(count, 1) * MemoryLayout<Float>.stride }
}
