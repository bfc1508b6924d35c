#if canImport(_DiveDNNL)
import _DiveDNNL

/// Matrix products on oneDNN, the library PyTorch, TensorFlow and ONNX Runtime use on CPUs. It
/// chooses its kernels by the instruction sets the processor reports (cpuid), not by its model.
///
/// Debian's oneDNN runs its threads on OpenMP (libgomp), whose idle threads spin: on a machine
/// with other work (Dive's own threads, other programs) a spinning thread takes the core that work
/// needs, and a d2l-mlp epoch took 5–8 × longer than with Dive splitting the work itself
/// (docs/performance.md). So oneDNN runs with one OpenMP thread, and Dive splits a large product
/// into one block of rows (or columns) per thread, with ``forEachChunk(of:minimumPerThread:_:)``,
/// whose threads wait for the next job only briefly before they sleep. The split depends only on
/// the shape and the thread count, so the same operands and threads give the same bits.
enum OneDNN {
    /// Whether oneDNN runs on this processor: it refuses every product below its lowest level
    /// (SSE4.1), and then OpenBLAS runs them. Checked once, with a 1 × 1 product.
    static let isUsable: Bool = {
        var (x, y, z): (Float, Float, Float) = (2, 3, 0)
        singleThreaded()
        return dnnl_sgemm(flag(false), flag(false), 1, 1, 1, 1, &x, 1, &y, 1, 0, &z, 1) == dnnl_success && z == 6
    }()

    /// `C = relu?(alpha · op(A) · op(B) + beta · C + bias)`, row-major; the epilogue runs on each block
    /// right after its product, while it is in cache. Only where ``isUsable``.
    static func sgemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                      a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                      beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int, bias: UnsafePointer<Float>?, relu: Bool) {
        let block = { (rows: Range<Int>, columns: Range<Int>) in
            singleThreaded()
            let i = rows.lowerBound, j = columns.lowerBound
            let blockA = transposeA ? a + i : a + i * lda
            let blockB = transposeB ? b + j * ldb : b + j
            let blockC = c + i * ldc + j
            dnnl_sgemm(flag(transposeA), flag(transposeB), Int64(rows.count), Int64(columns.count), Int64(k), alpha,
                       blockA, Int64(lda), blockB, Int64(ldb), beta, blockC, Int64(ldc))
            applyEpilogue(m: rows.count, n: columns.count, c: blockC, ldc: ldc, bias: bias.map { $0 + j }, relu: relu)
        }
        // Split the rows of C, unless there are too few for each thread to have a block of oneDNN's
        // height (16); each block gets at least `splitMinimum` multiply-adds.
        let threads = ComputeThreads.count
        if m >= 16 * threads || m >= n {
            forEachChunk(of: m, minimumPerThread: max(1, splitMinimum / max(n * k, 1))) { rows in block(rows, 0..<n) }
        } else {
            forEachChunk(of: n, minimumPerThread: max(1, splitMinimum / max(m * k, 1))) { columns in block(0..<m, columns) }
        }
    }

    /// The fewest multiply-adds worth a block of its own: about 15 µs of work. Smaller blocks
    /// lose more in oneDNN's cost per call than a second thread gains (keras-mlp's 32 × 128 × 64
    /// products ran at 115 GFLOP/s whole and 77 in two halves).
    static let splitMinimum = 1 << 20

    /// The version, e.g. `2.6.3`.
    static var version: String {
        let v = dnnl_version()!.pointee
        return "\(v.major).\(v.minor).\(v.patch)"
    }

    /// The most capable instruction set oneDNN dispatches to on this processor, in oneDNN's
    /// words (`avx512_core_vnni`, `avx2`, …).
    static var instructionSet: String {
        let isa = dnnl_get_effective_cpu_isa()
        return isaNames.first { $0.isa == isa }?.name ?? "isa 0x\(String(isa.rawValue, radix: 16))"
    }

    /// oneDNN's instruction-set levels, most capable first.
    static let isaNames: [(isa: dnnl_cpu_isa_t, name: String)] = [
        (dnnl_cpu_isa_avx512_core_amx, "avx512_core_amx"), (dnnl_cpu_isa_avx512_core_bf16, "avx512_core_bf16"),
        (dnnl_cpu_isa_avx512_core_vnni, "avx512_core_vnni"), (dnnl_cpu_isa_avx512_core, "avx512_core"),
        (dnnl_cpu_isa_avx2_vnni, "avx2_vnni"), (dnnl_cpu_isa_avx2, "avx2"), (dnnl_cpu_isa_avx, "avx"),
        (dnnl_cpu_isa_sse41, "sse41"), (dnnl_cpu_isa_all, "all"),
    ]

    /// Makes oneDNN run on the calling thread alone. OpenMP keeps the thread count per calling
    /// thread, so this runs on every thread before it calls oneDNN.
    private static func singleThreaded() {
        if omp_get_max_threads() != 1 { omp_set_num_threads(1) }
    }

    private static func flag(_ transposed: Bool) -> CChar { CChar(UInt8(ascii: transposed ? "T" : "N")) }
}
#endif
