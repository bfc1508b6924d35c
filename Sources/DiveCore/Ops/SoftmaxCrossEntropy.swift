import Foundation

// Cross-entropy of logits against class indices as one primitive, for the training hot path.
// The composite `-logits.logSoftmax(alongAxis: 1).gathering(labels)` records eight operations;
// this records one, and its backward is the textbook `softmax − onehot`. The composite is its
// test oracle.

extension Tensor {
    /// The cross-entropy of each row of `[n, classes]` logits with its class index:
    /// `-log softmax(self[i])[labels[i]]`, shape `[n]`. Stable for large logits (each row's
    /// maximum is subtracted first); the gradient of row `i` is `softmax(self[i]) − onehot(labels[i])`.
    public func softmaxCrossEntropy(labels: [Int]) -> Tensor {
        guard rank == 2, shape[0] == labels.count else {
            trap(.mismatch(op: "softmaxCrossEntropy", lhs: shape, rhs: [labels.count],
                           expected: "logits [batch, classes] and one label per row"))
        }
        let (rows, classes) = (shape[0], shape[1])
        if let bad = labels.first(where: { $0 < 0 || $0 >= classes }) {
            trap(.invalid(op: "softmaxCrossEntropy", message: "label \(bad) is outside 0..<\(classes)"))
        }
        let probabilities = Storage(uninitializedCount: rows * classes)
        let losses = Storage(uninitializedCount: rows)
        withContiguousPointer { x in
            for r in 0..<rows {
                let row = x + r * classes, p = probabilities.pointer + r * classes
                var largest = -Float.infinity
                for c in 0..<classes { largest = Swift.max(largest, row[c]) }
                var total: Float = 0
                for c in 0..<classes {
                    p[c] = Foundation.exp(row[c] - largest)
                    total += p[c]
                }
                for c in 0..<classes { p[c] /= total }
                losses.pointer[r] = Foundation.log(total) + largest - row[labels[r]]
            }
        }
        let softmax = Tensor(shape: shape, storage: probabilities)
        return Tensor.record(Tensor(shape: [rows], storage: losses), inputs: [self]) { grad in
            let result = Storage(uninitializedCount: rows * classes)
            grad.withContiguousPointer { g in
                for r in 0..<rows {
                    for c in 0..<classes {
                        let i = r * classes + c
                        result.pointer[i] = g[r] * (probabilities.pointer[i] - (c == labels[r] ? 1 : 0))
                    }
                }
            }
            return [withExtendedLifetime(softmax) { Tensor(shape: [rows, classes], storage: result) }]
        }
    }
}
