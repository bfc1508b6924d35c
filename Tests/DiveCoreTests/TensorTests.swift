import Testing
@testable import DiveCore

@Suite struct TensorTests {
    @Test func initialisers() {
        let m = Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3])
        #expect(m.shape == [2, 3] && m.rank == 2 && m.count == 6)
        #expect(m.scalars == [1, 2, 3, 4, 5, 6])
        let v = Tensor([1, 2])
        #expect(v.shape == [2] && v.rank == 1)
        let s = Tensor(3.5)
        #expect(s.shape == [] && s.rank == 0 && s.count == 1 && s.scalars == [3.5])
        let empty = Tensor([], shape: [0, 3])
        #expect(empty.count == 0 && empty.scalars.isEmpty)
        #expect(!m.requiresGrad && m.grad == nil)
    }

    @Test func validatingInitialiserThrowsWithTheCounts() {
        let error = #expect(throws: ShapeError.self) { try Tensor(validating: [1, 2, 3], shape: [2, 2]) }
        #expect(error?.description == "Tensor: shape [2, 2] holds 4 elements but 3 were given")
        #expect(throws: ShapeError.self) { try Tensor(validating: [], shape: [-1, 0]) }
        #expect((try? Tensor(validating: [1, 2], shape: [2, 1]))?.shape == [2, 1])
    }

    @Test func wrongElementCountTraps() async {
        await #expect(processExitsWith: .failure) { _ = Tensor([1, 2, 3], shape: [2, 2]) }
    }

    @Test func itemOfAnyOneElementTensor() {
        #expect(Tensor(2.5).item() == 2.5)
        #expect(Tensor([4], shape: [1, 1]).item() == 4)
        #expect(Tensor([1, 2, 3])[rows: 2..<3].item() == 3)
    }

    @Test func itemOfSeveralElementsTraps() async {
        await #expect(processExitsWith: .failure) { _ = Tensor([1, 2]).item() }
    }

    @Test func subscriptReadsThroughStridesAndOffset() {
        let m = Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3])
        #expect(m[0, 0] == 1 && m[1, 2] == 6 && m[0, 1] == 2)
        let t = m.T
        #expect(t[2, 1] == 6 && t[1, 0] == 2)
        #expect(m[rows: 1..<2][0, 1] == 5)
        #expect(Tensor(7)[] == 7)
    }

    @Test func subscriptMisuseTraps() async {
        // Too few indices, an index out of range, a row out of range.
        await #expect(processExitsWith: .failure) { _ = Tensor.zeros([2, 3])[1] as Float }
        await #expect(processExitsWith: .failure) { _ = Tensor.zeros([2, 3])[0, 3] }
        await #expect(processExitsWith: .failure) { _ = Tensor.zeros([2, 3])[2] as Tensor }
    }

    @Test func contiguity() {
        let m = Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3])
        #expect(m.isContiguous)
        #expect(!m.T.isContiguous)
        #expect(m[rows: 1..<2].isContiguous)
        #expect(!m.expanded(to: [2, 2, 3]).isContiguous)
        let c = m.T.contiguous()
        #expect(c.isContiguous && c.shape == [3, 2] && c.scalars == [1, 4, 2, 5, 3, 6])
        #expect(m.contiguous().storage === m.storage)
    }
}
