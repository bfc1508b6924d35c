import _DiveKernels

// The one entry point for single-precision matrix products, and the choice of who computes them.
// Callers (matmul, linear, a compute backend) pass plain row-major operands; this file decides:
//
// 1. Dive's small-dimension kernels (GEMM+SmallKernels.swift) when one dimension is at most 16 in
//    a layout they take: measured faster than every library on those shapes (docs/performance.md).
// 2. Else oneDNN (GEMM+OneDNN.swift) on Linux: it picks its kernels by the processor's instruction
//    set (cpuid), so it is fast on processors that OpenBLAS's table of CPU models does not know.
//    Dive splits it over its threads; each block's epilogue (bias, ReLU) runs right after it.
// 3. Else the platform's BLAS (GEMM+BLAS.swift): Accelerate on macOS, and OpenBLAS on Linux where
//    oneDNN does not run (a processor without SSE4.1).

/// Row-major single-precision GEMM with an optional fused epilogue:
/// `C = relu?(alpha · op(A) · op(B) + beta · C + bias)`, where `op(A)` is m × k, `op(B)` is k × n
/// and C is m × n; `op(X)` is `Xᵀ` when its flag is set, `lda`, `ldb`, `ldc` are the row strides of
/// A, B and C as stored, and `bias` holds n elements. With `beta` 0, C is only written, never
/// read. The same operands and thread count always give the same bits. The CPU backend's GEMM
/// primitive calls this.
func sgemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
           a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
           beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int,
           bias: UnsafePointer<Float>? = nil, relu: Bool = false) {
    guard m > 0 && n > 0 else { return }
    if k == 0 {
        for row in 0..<m {
            let r = c + row * ldc
            if beta == 0 { r.update(repeating: 0, count: n) } else { for j in 0..<n { r[j] *= beta } }
        }
        applyEpilogue(m: m, n: n, c: c, ldc: ldc, bias: bias, relu: relu)
        return
    }
    if alpha == 1 && (beta == 0 || beta == 1),
       SmallKernels.sgemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, a: a, lda: lda,
                          b: b, ldb: ldb, accumulate: beta == 1, c: c, ldc: ldc) {
        applyEpilogue(m: m, n: n, c: c, ldc: ldc, bias: bias, relu: relu)
        return
    }
    #if canImport(_DiveDNNL)
    if OneDNN.isUsable {
        OneDNN.sgemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda,
                     b: b, ldb: ldb, beta: beta, c: c, ldc: ldc, bias: bias, relu: relu)
        return
    }
    #endif
    BLAS.sgemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda,
               b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
    applyEpilogue(m: m, n: n, c: c, ldc: ldc, bias: bias, relu: relu)
}

/// `C[r][j] = relu?(C[r][j] + bias[j])` over an m × n output, in a pass of its own: after Dive's
/// small kernels and BLAS, and on each of oneDNN's blocks while it is in cache.
func applyEpilogue(m: Int, n: Int, c: UnsafeMutablePointer<Float>, ldc: Int,
                   bias: UnsafePointer<Float>?, relu: Bool) {
    guard bias != nil || relu else { return }
    dive_bias_relu(c, m, n, ldc, bias, relu ? 1 : 0)
}
