import Testing
import DiveCore
import DiveTestSupport

// The elementwise loops take different paths for contiguous, strided and broadcast operands;
// each path must give the same result as the plain contiguous one.

@Suite struct ElementwiseKernelsTests {
    /// `x` copied into fresh contiguous storage.
    func plain(_ x: Tensor) -> Tensor { Tensor(x.scalars, shape: x.shape) }

    @Test func binaryOpsAgreeAcrossLayouts() {
        let m = Tensor.uniform([4, 3], in: -1...1, seed: 1), n = Tensor.uniform([3, 4], in: -1...1, seed: 2)
        let pairs: [(Tensor, Tensor)] = [
            (m, n.T),                                           // contiguous with strided
            (m.T, n),                                           // strided with contiguous
            (m.T, n.T.contiguous().T),                          // both strided
            (m, Tensor([1, 2, 3])),                             // broadcast row on the right
            (Tensor([1, 2, 3]), m),                             // and on the left
            (m.T, Tensor([1, 2, 3, 4])),                        // strided with broadcast row
            (Tensor([1, 2, 3], shape: [3, 1]), n),              // broadcast column
            (m[rows: 1..<3], Tensor.uniform([2, 1, 3], seed: 3)),  // offset view, new leading axis
            (Tensor(2), m.T),                                   // rank 0
        ]
        for (x, y) in pairs {
            let result = x * y - y
            let wideY = plain(y.expanded(to: result.shape))
            expectClose(result.scalars, (plain(x.expanded(to: result.shape)) * wideY - wideY).scalars)
        }
    }

    @Test func broadcastPathsByHand() {
        let row = Tensor([10, 20])
        let t = Tensor([1, 2, 3, 4], shape: [2, 2]).T  // [[1, 3], [2, 4]]
        expectTensor(t + row, shape: [2, 2], [11, 23, 12, 24])
        expectTensor(row - t, shape: [2, 2], [9, 17, 8, 16])
        expectTensor(t * t, shape: [2, 2], [1, 9, 4, 16])
    }

    @Test func emptyAndScalarOperands() {
        expectTensor(Tensor.zeros([0, 3]) + Tensor([1, 2, 3]), shape: [0, 3], [])
        expectTensor(Tensor.zeros([2, 0]) * 2, shape: [2, 0], [])
        expectTensor(Tensor(2) * Tensor(3), shape: [], [6])
        expectTensor(Tensor([]).exp(), shape: [0], [])
    }

    @Test func unaryOpsOnOffsetViews() {
        let y = Tensor([-1, -2, 3, -4, 5, 6], shape: [3, 2])[rows: 1..<3].T  // [[3, 5], [-4, 6]]
        expectTensor(y.relu(), shape: [2, 2], [3, 5, 0, 6])
        expectTensor(y.abs(), shape: [2, 2], [3, 5, 4, 6])
    }
}
