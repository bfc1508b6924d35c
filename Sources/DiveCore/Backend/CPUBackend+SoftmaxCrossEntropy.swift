import Foundation

// Softmax-cross-entropy on the CPU: one pass per row for the loss and the probabilities the
// backward pass reuses.

extension CPUBackend {
    func softmaxCrossEntropy(_ logits: Operand, labels: [Int]) -> (losses: Storage, probabilities: Storage) {
        let (rows, classes) = (logits.shape[0], logits.shape[1])
        let probabilities = Storage(uninitializedCount: rows * classes)
        let losses = Storage(uninitializedCount: rows)
        probabilities.withHostPointer { probabilities in
            losses.withHostPointer { losses in
                withContiguousElements(of: logits) { x in
                    for r in 0..<rows {
                        let row = x + r * classes, p = probabilities + r * classes
                        var largest = -Float.infinity
                        for c in 0..<classes { largest = Swift.max(largest, row[c]) }
                        var total: Float = 0
                        for c in 0..<classes {
                            p[c] = Foundation.exp(row[c] - largest)
                            total += p[c]
                        }
                        for c in 0..<classes { p[c] /= total }
                        losses[r] = Foundation.log(total) + largest - row[labels[r]]
                    }
                }
            }
        }
        return (losses, probabilities)
    }

    func softmaxCrossEntropyBackward(_ grad: Operand, probabilities: Storage, labels: [Int]) -> Storage {
        let rows = labels.count, classes = probabilities.count / Swift.max(rows, 1)
        let result = Storage(uninitializedCount: rows * classes)
        result.withHostPointer { out in
            probabilities.withHostPointer { p in
                withContiguousElements(of: grad) { g in
                    for r in 0..<rows {
                        for c in 0..<classes {
                            let i = r * classes + c
                            out[i] = g[r] * (p[i] - (c == labels[r] ? 1 : 0))
                        }
                    }
                }
            }
        }
        return result
    }
}
