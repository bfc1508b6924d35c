#if canImport(Accelerate)
import Accelerate
#else
import _DiveBLAS
#endif
import _DiveKernels

// The CPU backend's one GEMM entry point. Products with one dimension of at most 16 in the
// layouts training produces (a 10-class layer, its weight gradient and its input gradient) run in
// Dive's own kernels, which are several times faster there than BLAS; the rest go to BLAS.

/// Row-major single-precision GEMM with an optional fused epilogue:
/// `C = relu?(alpha · op(A) · op(B) + beta · C + bias)`, where `op` transposes when asked, `A` is
/// `m × k` after `op`, `B` `k × n`, `C` `m × n`, and `bias` holds `n` elements. With beta 0, `C`
/// may be uninitialised.
func cpuGEMM(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
             a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
             beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int,
             bias: UnsafePointer<Float>?, relu: Bool) {
    guard m > 0 && n > 0 else { return }
    var beta = beta
    if beta != 0 && beta != 1 {
        for row in 0..<m { for j in 0..<n { c[row * ldc + j] *= beta } }
        beta = 1
    }
    if let bias {
        // The bias goes into C first and the product is added onto it: no extra pass.
        for row in 0..<m {
            let out = c + row * ldc
            if beta == 0 { out.update(from: bias, count: n) } else { for j in 0..<n { out[j] += bias[j] } }
        }
        beta = 1
    }
    if k > 0 {
        sgemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
              a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
    } else if beta == 0 {
        for row in 0..<m { (c + row * ldc).update(repeating: 0, count: n) }
    }
    if relu {
        for row in 0..<m { for j in 0..<n { c[row * ldc + j] = Swift.max(c[row * ldc + j], 0) } }
    }
}

/// `C = alpha · op(A) · op(B) + beta · C` with beta 0 or 1 and k > 0: on Dive's small-dimension
/// kernels where one applies, else on the platform's BLAS.
private func sgemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                   a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                   beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
    let accumulate: Int32 = beta == 0 ? 0 : 1
    switch (transposeA, transposeB) {
    case (false, true) where n <= smallDimension && alpha == 1:
        // Split over rows of C: each thread reads its rows of A and all of B.
        forEachChunk(of: m, minimumPerThread: rowsPerThread(work: n * k)) { rows in
            dive_sgemm_nt_small_n(rows.count, n, k, a + rows.lowerBound * lda, lda, b, ldb,
                                  c + rows.lowerBound * ldc, ldc, accumulate)
        }
    case (true, false) where m <= smallDimension && alpha == 1:
        // Split over columns of C.
        forEachChunk(of: n, minimumPerThread: rowsPerThread(work: m * k)) { columns in
            dive_sgemm_tn_small_m(m, columns.count, k, a, lda, b + columns.lowerBound, ldb,
                                  c + columns.lowerBound, ldc, accumulate)
        }
    case (false, false) where k <= smallDimension && alpha == 1:
        forEachChunk(of: m, minimumPerThread: rowsPerThread(work: n * k)) { rows in
            dive_sgemm_nn_small_k(rows.count, n, k, a + rows.lowerBound * lda, lda, b, ldb,
                                  c + rows.lowerBound * ldc, ldc, accumulate)
        }
    default:
        // OpenBLAS's pass that clears C for beta = 0 is slower than clearing it here and adding.
        if beta == 0 {
            for row in 0..<m { (c + row * ldc).update(repeating: 0, count: n) }
        }
        cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), 1, c, Int32(ldc))
    }
}

/// The largest dimension the small-dimension kernels take.
private let smallDimension = 16

/// Rows (or columns) for each thread so that one has about 256 K multiply-adds: less is not worth
/// waking another thread for.
private func rowsPerThread(work perRow: Int) -> Int {
    max(1, (1 << 18) / max(perRow, 1))
}
