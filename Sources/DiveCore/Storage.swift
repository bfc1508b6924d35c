/// A 64-byte-aligned buffer of `Float`s, shared by tensors until one of them writes.
///
/// `Tensor` holds its `Storage` by reference and copies it on the first write when the
/// reference is shared (copy-on-write), so views and copies stay cheap.
final class Storage: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Float>
    let count: Int

    /// Uninitialised storage for `count` floats; the caller writes every element.
    init(uninitializedCount count: Int) {
        self.count = count
        // At least one element so that the pointer is valid even for empty tensors.
        let raw = BufferCache.allocate(byteCount: max(count, 1) * MemoryLayout<Float>.stride)
        pointer = raw.bindMemory(to: Float.self, capacity: max(count, 1))
    }

    convenience init(repeating value: Float, count: Int) {
        self.init(uninitializedCount: count)
        pointer.initialize(repeating: value, count: count)
    }

    convenience init<C: Collection>(copying values: C) where C.Element == Float {
        self.init(uninitializedCount: values.count)
        var i = 0
        for v in values { pointer[i] = v; i += 1 }
    }

    func copy() -> Storage {
        let result = Storage(uninitializedCount: count)
        result.pointer.update(from: pointer, count: count)
        return result
    }

    deinit {
        BufferCache.deallocate(UnsafeMutableRawPointer(pointer), byteCount: max(count, 1) * MemoryLayout<Float>.stride)
    }
}
