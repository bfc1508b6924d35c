import Testing
@testable import DiveCore

@Suite(.serialized) struct BufferCacheTests {
    /// Sizes no other test uses, so that tests running alongside cannot take the buffer first.
    let oddBytes = 123_457 * 4

    @Test func aKeptBufferIsReusedForTheSameSize() {
        let pointer = BufferCache.allocate(byteCount: oddBytes)
        #expect(Int(bitPattern: pointer) % 64 == 0)
        if BufferCache.deallocate(pointer, byteCount: oddBytes) {
            let again = BufferCache.allocate(byteCount: oddBytes)
            #expect(again == pointer)
            BufferCache.deallocate(again, byteCount: oddBytes)
        }
    }

    @Test func smallBuffersGoBackToMalloc() {
        let pointer = BufferCache.allocate(byteCount: BufferCache.minimumBytes - 64)
        #expect(!BufferCache.deallocate(pointer, byteCount: BufferCache.minimumBytes - 64))
    }

    @Test func tensorsSeeTheirOwnValuesInReusedBuffers() {
        for round in 0..<3 {
            let filled = Tensor.full(Float(round), shape: [123_459])
            #expect(filled.scalars.allSatisfy { $0 == Float(round) })
            let zeros = Tensor.zeros([123_459])
            #expect(zeros.scalars.allSatisfy { $0 == 0 })
        }
    }

    @Test func heldBytesStayWithinTheCapacity() {
        let bytes = BufferCache.capacityBytes / 16 + 4 * 7
        let pointers = (0..<20).map { _ in BufferCache.allocate(byteCount: bytes) }
        let kept = pointers.map { BufferCache.deallocate($0, byteCount: bytes) }
        #expect(kept.contains(false))
        #expect(BufferCache.heldBytes <= BufferCache.capacityBytes)
    }
}
