import _DiveKernels

/// Dive's own kernels for products with one dimension of at most 16 in the layouts training
/// produces: a 10-class layer `x · Wᵀ`, its weight gradient `gᵀ · x` and its input gradient `g · W`
/// (`Sources/_DiveKernels/SmallGEMM.c`). They keep their partial sums in registers and split over
/// threads when there is enough work.
///
/// Measured on one thread against oneDNN 2.6 (`Benchmarks/gemm-candidates.sh`, AVX-512 Xeon,
/// GFLOP/s medians): `x · Wᵀ` with 10 outputs 45–49 against oneDNN's 35–37, so the kernels keep
/// it at every size; `gᵀ · x` with 10 rows and `g · W` with k = 10 at 256 × 256 and more, 44–57
/// against 78–88, so oneDNN takes those; below about 256 K multiply-adds (keras-mlp's last layer)
/// the kernels win every layout, 45–64 against 25–27, as oneDNN's cost per call dominates.
enum SmallKernels {
    /// The largest dimension the kernels take.
    static let largestDimension = 16

    /// The most multiply-adds for which the kernels take `Aᵀ · B` and `A · B`, where a library
    /// that runs larger products faster is present.
    static let largestTransposedOrShortProduct: Int = {
        #if canImport(_DiveDNNL)
        if OneDNN.isUsable { return 1 << 18 }
        #endif
        return Int.max
    }()

    /// Runs `C = op(A) · op(B)` (or adds it to C when `accumulate`) and returns true when a kernel
    /// takes the shape and layout; returns false, touching nothing, otherwise.
    static func sgemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
                      a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                      accumulate: Bool, c: UnsafeMutablePointer<Float>, ldc: Int) -> Bool {
        let add: Int32 = accumulate ? 1 : 0
        switch (transposeA, transposeB) {
        case (false, true) where n <= largestDimension:
            // Split over rows of C: each thread reads its rows of A and all of B.
            forEachChunk(of: m, minimumPerThread: rowsPerThread(work: n * k)) { rows in
                dive_sgemm_nt_small_n(rows.count, n, k, a + rows.lowerBound * lda, lda, b, ldb,
                                      c + rows.lowerBound * ldc, ldc, add)
            }
        case (true, false) where m <= largestDimension && m * n * k <= largestTransposedOrShortProduct:
            // Split over columns of C.
            forEachChunk(of: n, minimumPerThread: rowsPerThread(work: m * k)) { columns in
                dive_sgemm_tn_small_m(m, columns.count, k, a, lda, b + columns.lowerBound, ldb,
                                      c + columns.lowerBound, ldc, add)
            }
        case (false, false) where k <= largestDimension && m * n * k <= largestTransposedOrShortProduct:
            forEachChunk(of: m, minimumPerThread: rowsPerThread(work: n * k)) { rows in
                dive_sgemm_nn_small_k(rows.count, n, k, a + rows.lowerBound * lda, lda, b, ldb,
                                      c + rows.lowerBound * ldc, ldc, add)
            }
        default:
            return false
        }
        return true
    }

    /// Rows (or columns) for each thread so that one has about 256 K multiply-adds: less is not
    /// worth waking another thread for.
    private static func rowsPerThread(work perRow: Int) -> Int {
        max(1, (1 << 18) / max(perRow, 1))
    }
}
