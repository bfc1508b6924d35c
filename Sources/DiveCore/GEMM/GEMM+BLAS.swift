#if canImport(Accelerate)
import Accelerate
#else
import _DiveBLAS
#endif

/// Matrix products on the platform's BLAS: Accelerate on macOS, OpenBLAS on Linux (where oneDNN
/// runs them unless it refuses a call).
enum BLAS {
    /// `C = alpha · op(A) · op(B) + beta · C`, row-major, as ``sgemm(transposeA:transposeB:m:n:k:alpha:a:lda:b:ldb:beta:c:ldc:bias:relu:)``.
    static func sgemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                      a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                      beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        var beta = beta
        if beta == 0 {
            // OpenBLAS's pass that clears C for beta = 0 is slower than clearing it here and adding.
            for row in 0..<m { (c + row * ldc).update(repeating: 0, count: n) }
            beta = 1
        }
        cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// The library's name and version, e.g. `OpenBLAS 0.3.21`, and the kernels it chose
    /// (OpenBLAS's core name, e.g. `SkylakeX`).
    static var description: String {
        #if canImport(Accelerate)
        return "Accelerate"
        #else
        let config = String(cString: openblas_get_config())      // "OpenBLAS 0.3.21 DYNAMIC_ARCH ..."
        let version = config.split(separator: " ").prefix(2).joined(separator: " ")
        return "\(version) \(String(cString: openblas_get_corename()))"
        #endif
    }

    /// Uses `count` threads for BLAS's products.
    static func setThreads(_ count: Int) {
        #if !canImport(Accelerate)
        openblas_set_num_threads(Int32(clamping: count))
        #endif
    }
}
