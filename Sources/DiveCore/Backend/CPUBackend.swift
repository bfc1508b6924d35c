import Foundation
import _DiveKernels

/// Computes on the CPU: matrix products through ``sgemm`` (GEMM/: Dive's small kernels, oneDNN, BLAS), loops the
/// compiler vectorises for elementwise work, Dive's C kernels for optimizer steps, large loops
/// split across ``ComputeThreads``.
struct CPUBackend: Backend {
    var name: String { "cpu" }

    func unary(_ op: UnaryOp, _ x: Operand, into output: Storage) {
        switch op {
        case .negate: mapElements(x, into: output) { -$0 }
        case .exp: mapElements(x, into: output) { Foundation.exp($0) }
        case .log: mapElements(x, into: output) { Foundation.log($0) }
        case .sqrt: mapElements(x, into: output) { $0.squareRoot() }
        case .abs: mapElements(x, into: output) { Swift.abs($0) }
        case .sign: mapElements(x, into: output) { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }
        case .sigmoid:
            mapElements(x, into: output) { x in
                x >= 0 ? 1 / (1 + Foundation.exp(-x)) : Foundation.exp(x) / (1 + Foundation.exp(x))
            }
        case .tanh: mapElements(x, into: output) { Foundation.tanh($0) }
        case .relu: mapElements(x, into: output) { Swift.max($0, 0) }
        case .sin: mapElements(x, into: output) { Foundation.sin($0) }
        case .cos: mapElements(x, into: output) { Foundation.cos($0) }
        }
    }

    func binary(_ op: BinaryOp, _ a: Operand, _ b: Operand, into output: Storage) {
        switch op {
        case .add: zipElements(a, b, into: output) { $0 + $1 }
        case .subtract: zipElements(a, b, into: output) { $0 - $1 }
        case .multiply: zipElements(a, b, into: output) { $0 * $1 }
        case .divide: zipElements(a, b, into: output) { $0 / $1 }
        case .power: zipElements(a, b, into: output) { Foundation.pow($0, $1) }
        case .maximum: zipElements(a, b, into: output) { Swift.max($0, $1) }
        case .minimum: zipElements(a, b, into: output) { Swift.min($0, $1) }
        case .isGreater: zipElements(a, b, into: output) { $0 > $1 ? 1 : 0 }
        case .isLess: zipElements(a, b, into: output) { $0 < $1 ? 1 : 0 }
        case .isEqual: zipElements(a, b, into: output) { $0 == $1 ? 1 : 0 }
        case .select: zipElements(a, b, into: output) { $0 != 0 ? $1 : 0 }
        }
    }

    func reduce(_ op: ReduceOp, _ x: Operand, axis: Int) -> Storage {
        let (outer, length, inner) = blocks(of: x.shape, axis: axis)
        switch op {
        case .sum:
            let result = Storage(repeating: 0, count: outer * inner)
            result.withHostPointer { out in
                withContiguousElements(of: x) { x in
                    if inner == 1 {
                        for o in 0..<outer { out[o] = sumContiguous(x + o * length, count: length) }
                        return
                    }
                    for o in 0..<outer {
                        let row = out + o * inner
                        for k in 0..<length {
                            let src = x + (o * length + k) * inner
                            for i in 0..<inner { row[i] += src[i] }
                        }
                    }
                }
            }
            return result
        case .max:
            let result = Storage(uninitializedCount: outer * inner)
            result.withHostPointer { out in
                withContiguousElements(of: x) { x in
                    for o in 0..<outer {
                        for i in 0..<inner {
                            var best = x[o * length * inner + i]
                            for k in 1..<Swift.max(length, 1) {
                                let v = x[(o * length + k) * inner + i]
                                if v > best || (v.isNaN && !best.isNaN) { best = v }
                            }
                            out[o * inner + i] = best
                        }
                    }
                }
            }
            return result
        }
    }

    func argmax(_ x: Operand, axis: Int) -> [Int] {
        let (outer, length, inner) = blocks(of: x.shape, axis: axis)
        var indices = [Int](repeating: 0, count: outer * inner)
        withContiguousElements(of: x) { x in
            for o in 0..<outer {
                for i in 0..<inner {
                    var best = x[o * length * inner + i], bestIndex = 0
                    for k in 1..<Swift.max(length, 1) {
                        let v = x[(o * length + k) * inner + i]
                        if v > best || (v.isNaN && !best.isNaN) { best = v; bestIndex = k }
                    }
                    indices[o * inner + i] = bestIndex
                }
            }
        }
        return indices
    }

    func gemm(_ p: GEMMProduct) {
        guard let bias = p.epilogue.bias else { return gemm(p, bias: nil) }
        withContiguousElements(of: bias) { gemm(p, bias: $0) }
    }

    private func gemm(_ p: GEMMProduct, bias: UnsafePointer<Float>?) {
        p.a.withHostPointer { a in
            p.b.withHostPointer { b in
                p.c.withHostPointer { c in
                    sgemm(transposeA: p.transposeA, transposeB: p.transposeB, m: p.m, n: p.n, k: p.k,
                          alpha: p.alpha, a: a + p.offsetA, lda: p.lda, b: b + p.offsetB, ldb: p.ldb,
                          beta: p.beta, c: c + p.offsetC, ldc: p.ldc, bias: bias, relu: p.epilogue.relu)
                }
            }
        }
    }

    func copy(_ source: Operand, into destination: Operand) { copyStrided(source, into: destination) }

    func fill(_ destination: Operand, with value: Float) {
        destination.storage.withHostPointer { out in
            if destination.isContiguous {
                (out + destination.offset).update(repeating: value, count: destination.count)
                return
            }
            let shape = destination.shape, inner = shape.last ?? 1, stride = destination.strides.last ?? 0
            forEachRow(of: shape, strides: destination.strides, destination.strides,
                       offsets: destination.offset, destination.offset) { _, o, _ in
                for j in 0..<inner { out[o + j * stride] = value }
            }
        }
    }

    func gather(_ x: Operand, indices: [Int], axis: Int) -> Storage {
        let (outer, length, inner) = blocks(of: x.shape, axis: axis)
        let result = Storage(uninitializedCount: outer * inner)
        result.withHostPointer { out in
            withContiguousElements(of: x) { x in
                for j in 0..<(outer * inner) { out[j] = x[((j / inner) * length + indices[j]) * inner + j % inner] }
            }
        }
        return result
    }

    func scatter(_ values: Operand, indices: [Int], axis: Int, into shape: [Int]) -> Storage {
        let (outer, length, inner) = blocks(of: shape, axis: axis)
        let result = Storage(repeating: 0, count: Shape.count(shape))
        result.withHostPointer { out in
            withContiguousElements(of: values) { v in
                for j in 0..<(outer * inner) { out[((j / inner) * length + indices[j]) * inner + j % inner] = v[j] }
            }
        }
        return result
    }

    func optimizerStep(_ step: OptimizerStep, weights: Storage, gradient: Operand, state: [Storage]) {
        let n = weights.count
        withContiguousElements(of: gradient) { g in
            weights.withHostPointer { w in
                switch step {
                case let .sgd(learningRate, momentum, nesterov, weightDecay, isFirst):
                    let buffer = state.first
                    withOptionalHostPointer(buffer) { b in
                        forEachChunk(of: n, minimumPerThread: optimizerElementsPerThread) { r in
                            dive_sgd_step(w + r.lowerBound, b.map { $0 + r.lowerBound }, g + r.lowerBound, r.count,
                                          learningRate, momentum, nesterov ? 1 : 0, weightDecay, isFirst ? 1 : 0)
                        }
                    }
                case let .adam(beta1, beta2, stepSize, correction, epsilon, coupledDecay, shrink):
                    state[0].withHostPointer { m in
                        state[1].withHostPointer { v in
                            forEachChunk(of: n, minimumPerThread: optimizerElementsPerThread) { r in
                                dive_adam_step(w + r.lowerBound, m + r.lowerBound, v + r.lowerBound, g + r.lowerBound,
                                               r.count, beta1, beta2, stepSize, correction, epsilon, coupledDecay, shrink)
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Elements for each thread of an optimizer step. With the pool's threads awake between jobs, a
/// second thread pays from 32 K elements on: keras-mlp's Adam step over 100 K weights split in
/// two took its epoch from 0.64 to 0.52 s, and d2l-mlp's SGD step from 0.40 to 0.32 s.
private let optimizerElementsPerThread = 1 << 15

/// Calls `body` with the host pointer of `storage`, or nil when there is none.
private func withOptionalHostPointer<R>(_ storage: Storage?, _ body: (UnsafeMutablePointer<Float>?) -> R) -> R {
    guard let storage else { return body(nil) }
    return storage.withHostPointer { body($0) }
}
