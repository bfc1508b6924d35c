import Foundation

/// Computes every primitive with plain Swift loops: no BLAS, no SIMD, no threads, every element
/// found from its index and the strides. Slow and obviously right: the tests run each op on it
/// and on the CPU backend and compare.
struct ReferenceBackend: Backend {
    var name: String { "reference" }

    func unary(_ op: UnaryOp, _ x: Operand, into output: Storage) {
        write(elements(of: x).map { Self.apply(op, $0) }, into: output)
    }

    func binary(_ op: BinaryOp, _ a: Operand, _ b: Operand, into output: Storage) {
        write(zip(elements(of: a), elements(of: b)).map { Self.apply(op, $0, $1) }, into: output)
    }

    func reduce(_ op: ReduceOp, _ x: Operand, axis: Int) -> Storage {
        let slices = slices(of: x, axis: axis)
        switch op {
        case .sum: return Storage(copying: slices.map { $0.reduce(0, +) })
        case .max: return Storage(copying: slices.map { $0[Self.largest(in: $0)] })
        }
    }

    func argmax(_ x: Operand, axis: Int) -> [Int] { slices(of: x, axis: axis).map(Self.largest) }

    func gemm(_ p: GEMMProduct) {
        let bias = p.epilogue.bias.map(elements)
        p.a.withHostPointer { a in
            p.b.withHostPointer { b in
                p.c.withHostPointer { c in
                    for i in 0..<p.m {
                        for j in 0..<p.n {
                            var total: Float = 0
                            for l in 0..<p.k {
                                let x = p.transposeA ? a[p.offsetA + l * p.lda + i] : a[p.offsetA + i * p.lda + l]
                                let y = p.transposeB ? b[p.offsetB + j * p.ldb + l] : b[p.offsetB + l * p.ldb + j]
                                total += x * y
                            }
                            let position = p.offsetC + i * p.ldc + j
                            var value = p.alpha * total + (p.beta == 0 ? 0 : p.beta * c[position])
                            if let bias { value += bias[j] }
                            c[position] = p.epilogue.relu ? Swift.max(value, 0) : value
                        }
                    }
                }
            }
        }
    }

    func copy(_ source: Operand, into destination: Operand) {
        let values = elements(of: source)
        destination.storage.withHostPointer { out in
            for (i, value) in values.enumerated() { out[position(of: i, in: destination)] = value }
        }
    }

    func fill(_ destination: Operand, with value: Float) {
        destination.storage.withHostPointer { out in
            for i in 0..<destination.count { out[position(of: i, in: destination)] = value }
        }
    }

    func gather(_ x: Operand, indices: [Int], axis: Int) -> Storage {
        Storage(copying: zip(slices(of: x, axis: axis), indices).map { $0[$1] })
    }

    func scatter(_ values: Operand, indices: [Int], axis: Int, into shape: [Int]) -> Storage {
        let result = Storage(repeating: 0, count: Shape.count(shape))
        var kept = shape
        kept[axis] = 1
        // The kept shape laid over the result: element j of `values` starts there, then moves
        // along the axis to its index.
        let starts = Operand(storage: result, shape: kept, strides: Shape.contiguousStrides(shape), offset: 0)
        let step = starts.strides.isEmpty ? 0 : starts.strides[axis]
        result.withHostPointer { out in
            for (j, value) in elements(of: values).enumerated() {
                out[position(of: j, in: starts) + indices[j] * step] = value
            }
        }
        return result
    }

    func softmaxCrossEntropy(_ logits: Operand, labels: [Int]) -> (losses: Storage, probabilities: Storage) {
        let rows = slices(of: logits, axis: 1)
        var losses: [Float] = [], probabilities: [Float] = []
        for (row, label) in zip(rows, labels) {
            let largest = row.max() ?? 0
            let exps = row.map { Foundation.exp($0 - largest) }
            let total = exps.reduce(0, +)
            probabilities += exps.map { $0 / total }
            losses.append(Foundation.log(total) + largest - row[label])
        }
        return (Storage(copying: losses), Storage(copying: probabilities))
    }

    func softmaxCrossEntropyBackward(_ grad: Operand, probabilities: Storage, labels: [Int]) -> Storage {
        let g = elements(of: grad), classes = probabilities.count / Swift.max(labels.count, 1)
        let p = elements(of: Operand(contiguous: probabilities, shape: [probabilities.count]))
        return Storage(copying: p.indices.map { i in
            let (r, c) = (i / classes, i % classes)
            return g[r] * (p[i] - (c == labels[r] ? 1 : 0))
        })
    }

    func optimizerStep(_ step: OptimizerStep, weights: Storage, gradient: Operand, state: [Storage]) {
        let g = elements(of: gradient)
        weights.withHostPointer { w in
            switch step {
            case let .sgd(learningRate, momentum, nesterov, weightDecay, isFirst):
                for i in g.indices {
                    let d = g[i] + weightDecay * w[i]
                    guard let buffer = state.first else { w[i] -= learningRate * d; continue }
                    let b = buffer.withHostPointer { buffer in
                        let b = isFirst ? d : momentum * buffer[i] + d
                        buffer[i] = b
                        return b
                    }
                    w[i] -= learningRate * (nesterov ? d + momentum * b : b)
                }
            case let .adam(beta1, beta2, stepSize, correction, epsilon, coupledDecay, shrink):
                state[0].withHostPointer { mean in
                    state[1].withHostPointer { squares in
                        for i in g.indices {
                            let gi = g[i] + coupledDecay * w[i]
                            mean[i] = beta1 * mean[i] + (1 - beta1) * gi
                            squares[i] = beta2 * squares[i] + (1 - beta2) * gi * gi
                            w[i] = w[i] * shrink - stepSize * mean[i] / (squares[i].squareRoot() / correction + epsilon)
                        }
                    }
                }
            }
        }
    }
}
