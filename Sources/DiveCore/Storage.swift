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
        let raw = BufferCache.allocate(byteCount: Storage.byteCount(count))
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

    deinit { BufferCache.deallocate(UnsafeMutableRawPointer(pointer), byteCount: Storage.byteCount(count)) }

    /// The bytes allocated for `count` floats: at least one float, so that the pointer is valid
    /// even for empty tensors.
    private static func byteCount(_ count: Int) -> Int { max(count, 1) * MemoryLayout<Float>.stride }
}
