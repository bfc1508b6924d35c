import Testing
import DiveCore
import DiveTestSupport

@Suite struct ViewsTests {
    let x = Tensor((0..<6).map(Float.init), shape: [2, 3])

    @Test func reshapedInfersOneDimension() {
        expectTensor(x.reshaped(3, 2), shape: [3, 2], [0, 1, 2, 3, 4, 5])
        expectTensor(x.reshaped([-1]), shape: [6], [0, 1, 2, 3, 4, 5])
        expectTensor(x.reshaped(1, -1, 2), shape: [1, 3, 2], [0, 1, 2, 3, 4, 5])
        expectTensor(Tensor([7]).reshaped([]), shape: [], [7])
        expectTensor(Tensor([]).reshaped(0, 4), shape: [0, 4], [])
    }

    @Test func reshapedValidatingThrowsForImpossibleShapes() throws {
        #expect(throws: ShapeError.self) { try x.reshaped(validating: [4, 2]) }
        #expect(throws: ShapeError.self) { try x.reshaped(validating: [-1, 4]) }
        #expect(throws: ShapeError.self) { try x.reshaped(validating: [-1, -1]) }
        #expect(throws: ShapeError.self) { try x.reshaped(validating: [-2, -3]) }
        #expect(throws: ShapeError.self) { try Tensor([]).reshaped(validating: [0, -1]) }
        #expect(try x.reshaped(validating: [3, -1]).shape == [3, 2])
    }

    @Test func reshapeErrorsExplainTheProblem() {
        let twoInferred = #expect(throws: ShapeError.self) { try x.reshaped(validating: [-1, -1]) }
        #expect(twoInferred?.description == "reshape: cannot reshape [2, 3] to [-1, -1]: only one dimension can be -1")
        let wrongCount = #expect(throws: ShapeError.self) { try x.reshaped(validating: [4, 2]) }
        #expect(wrongCount?.description == "reshape: cannot reshape [2, 3] to [4, 2]: 6 elements cannot fill 8")
    }

    @Test func reshapingATransposedViewUsesTheViewOrder() {
        let t = x.T  // [[0, 3], [1, 4], [2, 5]]
        #expect(!t.isContiguous)
        expectTensor(t.reshaped(6), shape: [6], [0, 3, 1, 4, 2, 5])
        expectTensor(t.reshaped(2, 3), shape: [2, 3], [0, 3, 1, 4, 2, 5])
        expectTensor(t.flattened(from: 0), shape: [6], [0, 3, 1, 4, 2, 5])
    }

    @Test func flattenedMergesAxesKeepingRowMajorOrder() {
        // Distinct values: a flatten that reordered or dropped elements would show.
        let y = Tensor.arange(to: 120).reshaped(2, 3, 4, 5)
        for (flat, shape) in [(y.flattened(), [2, 60]), (y.flattened(from: 0), [120]),
                              (y.flattened(from: 1, through: 2), [2, 12, 5]), (y.flattened(from: -2), [2, 3, 20])] {
            expectTensor(flat, shape: shape, y.scalars)
        }
        #expect(y.flattened(from: 1, through: 2)[1, 7, 3] == y[1, 1, 3, 3], "row 7 of 12 is axis-1 index 1, axis-2 index 3")
        #expect(y.flattened()[1, 59] == 119)
        expectTensor(Tensor(3).flattened(), shape: [1], [3])
        // A permuted view flattens in the view's order, not the buffer's.
        let permuted = y.permuted([0, 3, 1, 2])
        expectTensor(permuted.flattened(), shape: [2, 60], permuted.contiguous().scalars)
        #expect(permuted.flattened()[0, 1] == y[0, 0, 1, 0])
    }

    @Test func permutedAndTransposed() {
        let y = Tensor((0..<24).map(Float.init), shape: [2, 3, 4])
        let p = y.permuted([2, 0, 1])
        #expect(p.shape == [4, 2, 3])
        #expect(p[3, 1, 2] == y[1, 2, 3])
        #expect(p[1, 0, 2] == y[0, 2, 1])
        expectTensor(x.T, shape: [3, 2], [0, 3, 1, 4, 2, 5])
        expectTensor(x.transposed().transposed(), shape: [2, 3], [0, 1, 2, 3, 4, 5])
        #expect(y.transposed().shape == [2, 4, 3])
        #expect(y.transposed()[1, 3, 2] == y[1, 2, 3])
        expectTensor(Tensor([1, 2]).T, shape: [2], [1, 2])
    }

    @Test func expanded() {
        expectTensor(Tensor([1, 2, 3]).expanded(to: [2, 3]), shape: [2, 3], [1, 2, 3, 1, 2, 3])
        expectTensor(Tensor([1, 2], shape: [2, 1]).expanded(to: [2, 3]), shape: [2, 3], [1, 1, 1, 2, 2, 2])
        expectTensor(Tensor(5).expanded(to: [2, 2]), shape: [2, 2], [5, 5, 5, 5])
        let g = gradient(of: { $0.expanded(to: [4, 2]).sum() }, at: [1, 2])
        #expect(g == [4, 4])
    }

    @Test func squeezedAndUnsqueezed() {
        let y = Tensor([1, 2, 3], shape: [1, 3, 1])
        #expect(y.squeezed().shape == [3])
        #expect(y.squeezed(at: 0).shape == [3, 1])
        #expect(y.squeezed(at: -1).shape == [1, 3])
        #expect(Tensor([4], shape: [1, 1]).squeezed().shape == [])
        #expect(x.unsqueezed(at: 0).shape == [1, 2, 3])
        #expect(x.unsqueezed(at: 1).shape == [2, 1, 3])
        #expect(x.unsqueezed(at: 2).shape == [2, 3, 1])
        #expect(x.unsqueezed(at: -1).shape == [2, 3, 1])
        expectTensor(x.T.unsqueezed(at: 0), shape: [1, 3, 2], [0, 3, 1, 4, 2, 5])
    }

    @Test func rowsAndRowIndex() {
        let y = Tensor((0..<12).map(Float.init), shape: [4, 3])
        expectTensor(y[rows: 1..<3], shape: [2, 3], [3, 4, 5, 6, 7, 8])
        expectTensor(y[rows: 2..<2], shape: [0, 3], [])
        expectTensor(y[2], shape: [3], [6, 7, 8])
        expectTensor(y.T[rows: 1..<2], shape: [1, 4], [1, 4, 7, 10])
        expectTensor(y.T[0], shape: [4], [0, 3, 6, 9])
        let g = gradient(of: { ($0[rows: 1..<3] * Tensor([1, 2, 3])).sum() }, at: y)
        #expect(g == [0, 0, 0, 1, 2, 3, 1, 2, 3, 0, 0, 0])
    }

    @Test func misuseTraps() async {
        await #expect(processExitsWith: .failure) { _ = Tensor.zeros([2, 3]).reshaped(4, 2) }
        await #expect(processExitsWith: .failure) { _ = Tensor.zeros([2, 3]).permuted([0, 0]) }
        await #expect(processExitsWith: .failure) { _ = Tensor.zeros([2, 3]).expanded(to: [2, 4]) }
        await #expect(processExitsWith: .failure) { _ = Tensor.zeros([2, 3]).expanded(to: [3]) }
        await #expect(processExitsWith: .failure) { _ = Tensor.zeros([2, 3]).squeezed(at: 0) }
        await #expect(processExitsWith: .failure) { _ = Tensor.zeros([2, 3])[rows: 1..<3] }
        await #expect(processExitsWith: .failure) { _ = Tensor.zeros([2, 3]).unsqueezed(at: 3) }
    }
}
