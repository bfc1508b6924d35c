import Testing
import _DiveKernels
@testable import DiveCore
import DiveTestSupport

/// Dive's small-dimension matrix kernels, both builds, against a plain triple loop in Double, over
/// shapes that leave every kind of tail (rows, columns, vector remainders), padded leading
/// dimensions, and both overwrite and accumulate.
struct SmallGEMMTests {
    typealias Kernel = (Int, Int, Int, UnsafePointer<Float>?, Int, UnsafePointer<Float>?, Int,
                        UnsafeMutablePointer<Float>?, Int, Int32) -> Void

    enum Layout: CaseIterable { case aTimesBTransposed, aTransposedTimesB, aTimesB }

    static func kernels(_ layout: Layout) -> [Kernel] {
        switch layout {
        case .aTimesBTransposed: [dive_sgemm_nt_small_n, dive_sgemm_nt_small_n_portable]
        case .aTransposedTimesB: [dive_sgemm_tn_small_m, dive_sgemm_tn_small_m_portable]
        case .aTimesB: [dive_sgemm_nn_small_k, dive_sgemm_nn_small_k_portable]
        }
    }

    /// (m, n, k) with the small dimension of `layout` at most 16.
    static func shapes(_ layout: Layout) -> [(Int, Int, Int)] {
        let small = [1, 2, 3, 4, 5, 7, 10, 16], other = [1, 7, 8, 9, 17, 33, 70]
        return small.flatMap { s in other.flatMap { x in [x, 13].map { y in
            switch layout {
            case .aTimesBTransposed: (x, s, y)
            case .aTransposedTimesB: (s, x, y)
            case .aTimesB: (x, y, s)
            }
        } } }
    }

    @Test(arguments: Layout.allCases)
    func kernelsMatchAPlainLoop(layout: Layout) {
        var seed: UInt64 = 1
        for (m, n, k) in Self.shapes(layout) {
            // A and B as stored: rows × columns, each row padded by 3 to test leading dimensions.
            let (aRows, aColumns) = layout == .aTransposedTimesB ? (k, m) : (m, k)
            let (bRows, bColumns) = layout == .aTimesBTransposed ? (n, k) : (k, n)
            let (lda, ldb, ldc) = (aColumns + 3, bColumns + 3, n + 3)
            seed += 1
            let a = Tensor.uniform([aRows * lda], in: -1...1, seed: seed).scalars
            let b = Tensor.uniform([bRows * ldb], in: -1...1, seed: seed + 1000).scalars
            let start = Tensor.uniform([m * ldc], in: -1...1, seed: seed + 2000).scalars
            func aAt(_ i: Int, _ p: Int) -> Double {
                Double(layout == .aTransposedTimesB ? a[p * lda + i] : a[i * lda + p])
            }
            func bAt(_ p: Int, _ j: Int) -> Double {
                Double(layout == .aTimesBTransposed ? b[j * ldb + p] : b[p * ldb + j])
            }
            for accumulate in [Int32(0), 1] {
                var expected = start
                for i in 0..<m {
                    for j in 0..<n {
                        let product = (0..<k).reduce(0.0) { $0 + aAt(i, $1) * bAt($1, j) }
                        expected[i * ldc + j] = Float(product + (accumulate == 1 ? Double(start[i * ldc + j]) : 0))
                    }
                }
                for kernel in Self.kernels(layout) {
                    var c = start
                    kernel(m, n, k, a, lda, b, ldb, &c, ldc, accumulate)
                    expectClose(c, expected, tolerance: 1e-5)
                }
            }
        }
    }

    /// Through `matmul`: the products of a 10-class layer, large enough to be split over threads,
    /// against the same products with the operands copied to plain contiguous tensors.
    @Test func matmulRoutesTheTrainingShapesThroughTheKernels() {
        let x = Tensor.uniform([256, 300], in: -1...1, seed: 1)
        let w = Tensor.uniform([10, 300], in: -1...1, seed: 2)
        let g = Tensor.uniform([256, 10], in: -1...1, seed: 3)
        func naive(_ a: Tensor, _ b: Tensor) -> [Float] {
            let (m, k, n) = (a.shape[0], a.shape[1], b.shape[1])
            let (av, bv) = (a.scalars, b.scalars)
            return (0..<m * n).map { e in
                Float((0..<k).reduce(0.0) { $0 + Double(av[e / n * k + $1]) * Double(bv[$1 * n + e % n]) })
            }
        }
        expectClose(x.matmul(w.transposed()).scalars, naive(x, w.transposed().contiguous()), tolerance: 1e-4)
        expectClose(g.transposed().matmul(x).scalars, naive(g.transposed().contiguous(), x), tolerance: 1e-4)
        expectClose(g.matmul(w).scalars, naive(g, w), tolerance: 1e-4)
    }
}
