import Testing
@testable import DiveCore

/// `sgemm`, the one entry point for matrix products, against a plain loop in Double: every
/// transpose combination, alpha and beta, with and without the bias/ReLU epilogue, on shapes that
/// reach each path (Dive's small kernels, the library's GEMM, the library's fused matmul).
struct GEMMTests {
    struct Case: CustomStringConvertible {
        let transposeA, transposeB: Bool
        let m, n, k: Int
        let alpha, beta: Float
        let bias, relu: Bool
        var description: String {
            "\(transposeA ? "T" : "N")\(transposeB ? "T" : "N") \(m)×\(n)×\(k) α\(alpha) β\(beta) bias \(bias) relu \(relu)"
        }
    }

    static let cases: [Case] = {
        // Small dimensions (kernels), the workloads' sizes (library), odd sizes, and k = 0.
        let shapes = [(37, 10, 50), (10, 70, 33), (40, 33, 9), (64, 48, 80), (33, 17, 19), (5, 7, 0)]
        var cases: [Case] = []
        for (m, n, k) in shapes {
            for (ta, tb) in [(false, false), (false, true), (true, false), (true, true)] {
                for (alpha, beta) in [(Float(1), Float(0)), (1, 1), (0.5, 0.25)] {
                    for (bias, relu) in [(false, false), (true, false), (false, true), (true, true)] {
                        cases.append(Case(transposeA: ta, transposeB: tb, m: m, n: n, k: k, alpha: alpha,
                                          beta: beta, bias: bias, relu: relu))
                    }
                }
            }
        }
        return cases
    }()

    @Test func matchesAPlainLoop() {
        var seed: UInt64 = 1
        for c in Self.cases {
            // Operands as stored, each row padded by 2 to test leading dimensions.
            let (aRows, aColumns) = c.transposeA ? (c.k, c.m) : (c.m, c.k)
            let (bRows, bColumns) = c.transposeB ? (c.n, c.k) : (c.k, c.n)
            let (lda, ldb, ldc) = (aColumns + 2, bColumns + 2, c.n + 2)
            seed += 3
            let a = Tensor.uniform([max(aRows * lda, 1)], in: -1...1, seed: seed).scalars
            let b = Tensor.uniform([max(bRows * ldb, 1)], in: -1...1, seed: seed + 1).scalars
            let start = Tensor.uniform([c.m * ldc], in: -1...1, seed: seed + 2).scalars
            let bias = Tensor.uniform([c.n], in: -1...1, seed: seed + 3).scalars
            var out = start
            a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in bias.withUnsafeBufferPointer { bias in
                out.withUnsafeMutableBufferPointer { out in
                    sgemm(transposeA: c.transposeA, transposeB: c.transposeB, m: c.m, n: c.n, k: c.k, alpha: c.alpha,
                          a: a.baseAddress!, lda: lda, b: b.baseAddress!, ldb: ldb, beta: c.beta,
                          c: out.baseAddress!, ldc: ldc, bias: c.bias ? bias.baseAddress! : nil, relu: c.relu)
                }
            } } }
            var worst: Double = 0
            for i in 0..<c.m {
                for j in 0..<c.n {
                    var sum: Double = 0
                    for p in 0..<c.k {
                        let x = Double(c.transposeA ? a[p * lda + i] : a[i * lda + p])
                        let y = Double(c.transposeB ? b[j * ldb + p] : b[p * ldb + j])
                        sum += x * y
                    }
                    var expected = Double(c.alpha) * sum + (c.beta == 0 ? 0 : Double(c.beta) * Double(start[i * ldc + j]))
                    if c.bias { expected += Double(bias[j]) }
                    if c.relu { expected = max(expected, 0) }
                    worst = max(worst, abs(Double(out[i * ldc + j]) - expected))
                }
                // The padding between rows is never written.
                for j in c.n..<ldc { #expect(out[i * ldc + j] == start[i * ldc + j], "\(c)") }
            }
            #expect(worst < 1e-4, "\(c): largest error \(worst)")
        }
    }

    /// The same product twice gives the same bits (oneDNN with a fixed thread count is deterministic).
    @Test func repeatsBitForBit() {
        let x = Tensor.uniform([256, 784], in: -1...1, seed: 1)
        let w = Tensor.uniform([256, 784], in: -1...1, seed: 2)
        let b = Tensor.uniform([256], in: -1...1, seed: 3)
        let first = x.linearReLU(weight: w, bias: b).scalars
        for _ in 0..<3 { #expect(x.linearReLU(weight: w, bias: b).scalars == first) }
        #expect(x.matmul(w.T).scalars == x.matmul(w.T).scalars)
    }
}
