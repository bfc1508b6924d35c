import Testing
@testable import DiveCore

// Copy-on-write: tensors and their views share one buffer until one of them is written.

@Suite struct StorageTests {
    let a = Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3])

    @Test func copiesShareStorageUntilWritten() {
        var b = a
        #expect(b.storage === a.storage)
        b += 1
        #expect(b.storage !== a.storage)
        #expect(a.scalars == [1, 2, 3, 4, 5, 6])
        #expect(b.scalars == [2, 3, 4, 5, 6, 7])
    }

    @Test func uniqueStorageIsWrittenInPlace() {
        var b = Tensor.zeros([3])
        // Holding the storage here would share it; compare the buffer's address instead (a copy
        // is allocated while the old buffer is still alive, so its address differs).
        let before = b.storage.withHostPointer { UnsafeRawPointer($0) }
        b += 1
        b.fill(2)
        b.assign(Tensor([1, 2, 3]))
        #expect(b.storage.withHostPointer { UnsafeRawPointer($0) } == before)
    }

    @Test func viewsShareStorage() {
        #expect(a.reshaped(3, 2).storage === a.storage)
        #expect(a.T.storage === a.storage)
        #expect(a[rows: 1..<2].storage === a.storage)
        #expect(a.expanded(to: [4, 2, 3]).storage === a.storage)
        #expect(a.unsqueezed(at: 0).storage === a.storage)
    }

    @Test func writingAViewLeavesTheOriginalUnchanged() {
        var reshaped = a.reshaped(3, 2)
        reshaped += 10
        var transposed = a.T
        transposed *= 0
        var row = a[rows: 0..<1]
        row.fill(-1)
        var expandedView = a.expanded(to: [2, 2, 3])
        expandedView -= 1
        var assigned = a.T
        assigned.assign(Tensor.zeros([3, 2]))
        #expect(a.scalars == [1, 2, 3, 4, 5, 6])
        #expect(reshaped.scalars == [11, 12, 13, 14, 15, 16])
        #expect(transposed.scalars == [0, 0, 0, 0, 0, 0])
        #expect(row.shape == [1, 3] && row.scalars == [-1, -1, -1])
        #expect(expandedView.shape == [2, 2, 3] && expandedView.scalars == [0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5])
    }

    @Test func writingTheOriginalLeavesItsViewsUnchanged() {
        var original = a
        let view = original.T
        original.fill(0)
        #expect(view.scalars == [1, 4, 2, 5, 3, 6])
    }

    @Test func viewsOfNonContiguousTensorsReadTheRightElements() {
        let t = Tensor((0..<24).map(Float.init), shape: [2, 3, 4]).permuted([2, 0, 1])  // [4, 2, 3]
        let r = t.reshaped(8, 3)
        #expect(r[5, 1] == t[2, 1, 1])
        #expect(r[7, 2] == t[3, 1, 2])
        let rows = t.T[rows: 1..<3]  // transpose of the last two axes, then a slice: [2, 3, 2]
        #expect(rows[0, 2, 1] == t[1, 1, 2])
        #expect(rows[1, 0, 0] == t[2, 0, 0])
        #expect(rows.reshaped(-1).scalars == [1, 13, 5, 17, 9, 21, 2, 14, 6, 18, 10, 22])
    }

    @Test func gradientLeavesAreIndependentOfTheirCopies() {
        let leaf = Tensor([1, 2]).requiringGrad()
        var copy = leaf.detached()
        copy += 5
        #expect(leaf.scalars == [1, 2])
    }
}
