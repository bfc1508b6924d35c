import DiveCore
import Testing

@Suite struct TensorBufferTests {
    @Test func initializerWritesEveryElementInRowMajorOrder() {
        let t = Tensor(shape: [2, 3]) { buffer in
            for i in buffer.indices { buffer[i] = Float(i) }
        }
        #expect(t.shape == [2, 3])
        #expect(t.scalars == [0, 1, 2, 3, 4, 5])
        #expect(!t.requiresGrad)
    }

    @Test func emptyShapeGivesAnEmptyBuffer() {
        let t = Tensor(shape: [0, 4]) { #expect($0.count == 0) }
        #expect(t.count == 0)
    }
}
