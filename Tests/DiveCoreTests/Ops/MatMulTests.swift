import Testing
import DiveCore
import DiveTestSupport

@Suite struct MatMulTests {
    @Test func smallProduct() {
        let a = Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3]), b = Tensor([1, 0, 0, 1, 1, 1], shape: [3, 2])
        expectTensor(a.matmul(b), shape: [2, 2], [4, 5, 10, 11])
        expectTensor(a.T.matmul(a), shape: [3, 3], [17, 22, 27, 22, 29, 36, 27, 36, 45])
    }

    @Test(arguments: [(1, 1, 1), (1, 5, 1), (1, 7, 3), (4, 1, 6), (6, 3, 1), (5, 8, 7), (16, 9, 33), (33, 64, 17)])
    func matchesTheTripleLoop(_ n: Int, _ k: Int, _ m: Int) {
        let seed = UInt64(n * 10_000 + k * 100 + m)
        let a = Tensor.uniform([n, k], in: -1...1, seed: seed), b = Tensor.uniform([k, m], in: -1...1, seed: seed + 1)
        expectTensor(a.matmul(b), shape: [n, m], naiveMatmul(a, b), tolerance: 1e-5)
        // The same products through transposed views, which BLAS reads with its transpose flags.
        let at = Tensor.uniform([k, n], in: -1...1, seed: seed + 2)
        let bt = Tensor.uniform([m, k], in: -1...1, seed: seed + 3)
        expectTensor(at.T.matmul(b), shape: [n, m], naiveMatmul(at.T, b), tolerance: 1e-5)
        expectTensor(a.matmul(bt.T), shape: [n, m], naiveMatmul(a, bt.T), tolerance: 1e-5)
        expectTensor(at.T.matmul(bt.T), shape: [n, m], naiveMatmul(at.T, bt.T), tolerance: 1e-5)
    }

    @Test func viewsWithALeadingDimensionLargerThanTheRow() {
        let x = Tensor.uniform([5, 4], in: -1...1, seed: 1), w = Tensor.uniform([4, 3], in: -1...1, seed: 2)
        let slice = x.T[rows: 1..<3]  // [2, 5], column-major with leading dimension 4, offset 1
        let v = Tensor.uniform([5, 2], in: -1...1, seed: 3)
        expectTensor(slice.matmul(v), shape: [2, 2], naiveMatmul(slice, v))
        expectTensor(x[rows: 1..<4].matmul(w), shape: [3, 3], naiveMatmul(x[rows: 1..<4], w))
    }

    @Test func broadcastOperandsAreCopiedFirst() {
        let column = Tensor([1, 2, 3], shape: [3, 1]).expanded(to: [3, 2])  // stride 0 along columns
        let b = Tensor([1, 2, 3, 4], shape: [2, 2])
        expectTensor(column.matmul(b), shape: [3, 2], [4, 6, 8, 12, 12, 18])
        expectTensor(b.matmul(column.T), shape: [2, 3], [3, 6, 9, 7, 14, 21])
    }

    @Test func zeroSizedEdges() {
        expectTensor(Tensor.ones([0, 3]).matmul(Tensor.ones([3, 4])), shape: [0, 4], [])
        expectTensor(Tensor.ones([2, 3]).matmul(Tensor.ones([3, 0])), shape: [2, 0], [])
        expectTensor(Tensor.ones([2, 0]).matmul(Tensor.ones([0, 3])), shape: [2, 3], [0, 0, 0, 0, 0, 0])
        expectTensor(Tensor.ones([2, 0, 3]).matmul(Tensor.ones([3, 2])), shape: [2, 0, 2], [])
    }

    @Test func batchedProductsMatchEachEntry() {
        let a = Tensor.uniform([3, 4, 5], in: -1...1, seed: 10), b = Tensor.uniform([3, 5, 2], in: -1...1, seed: 11)
        let product = a.matmul(b)
        #expect(product.shape == [3, 4, 2])
        for i in 0..<3 { expectClose(product[i].scalars, naiveMatmul(a[i], b[i])) }

        let bt = Tensor.uniform([3, 2, 5], in: -1...1, seed: 12).transposed()
        let transposedProduct = a.matmul(bt)
        for i in 0..<3 { expectClose(transposedProduct[i].scalars, naiveMatmul(a[i], bt[i])) }
    }

    @Test func batchedViewsWithUnusualStrides() {
        // The batch axis is not the outermost in memory, and a broadcast batch (stride 0).
        let a = Tensor.uniform([4, 3, 5], in: -1...1, seed: 13).permuted([1, 0, 2])  // [3, 4, 5]
        let b = Tensor.uniform([1, 5, 2], in: -1...1, seed: 14).expanded(to: [3, 5, 2])
        let product = a.matmul(b)
        #expect(product.shape == [3, 4, 2])
        for i in 0..<3 { expectClose(product[i].scalars, naiveMatmul(a[i], b[i])) }
    }

    @Test func threeDimensionalTimesMatrix() {
        let a = Tensor.uniform([2, 3, 4], in: -1...1, seed: 15), w = Tensor.uniform([5, 4], in: -1...1, seed: 16)
        let product = a.matmul(w.T)
        #expect(product.shape == [2, 3, 5])
        for i in 0..<2 { expectClose(product[i].scalars, naiveMatmul(a[i], w.T)) }
        let transposedBatch = a.transposed().matmul(Tensor.uniform([3, 2], in: -1...1, seed: 17))
        #expect(transposedBatch.shape == [2, 4, 2])
    }

    @Test func gradientsAreTheTransposedProducts() {
        let a = Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3]).requiringGrad()
        let b = Tensor([1, 0, 2, 1, 0, 3], shape: [3, 2]).requiringGrad()
        a.matmul(b).sum().backward()
        #expect(a.grad?.scalars == [1, 3, 3, 1, 3, 3])  // ones · bᵀ
        #expect(b.grad?.scalars == [5, 5, 7, 7, 9, 9])  // aᵀ · ones
    }

    @Test func mismatchedShapesTrap() async {
        await #expect(processExitsWith: .failure) { _ = Tensor.ones([2, 3]).matmul(Tensor.ones([2, 3])) }
        await #expect(processExitsWith: .failure) { _ = Tensor.ones([2, 2, 3]).matmul(Tensor.ones([3, 3, 2])) }
        await #expect(processExitsWith: .failure) { _ = Tensor.ones([3]).matmul(Tensor.ones([3, 2])) }
        await #expect(processExitsWith: .failure) { _ = Tensor.ones([2, 3]).matmul(Tensor.ones([2, 3, 2])) }
    }
}

@Test func blasReportsItsThreadCount() {
    #expect(ComputeThreads.count >= 1)
}
