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
        let (losses, probabilities) = Backends.current.softmaxCrossEntropy(operand, labels: labels)
        return Tensor.record(Tensor(shape: [rows], storage: losses), inputs: [self]) { grad in
            let result = Backends.current.softmaxCrossEntropyBackward(grad.operand, probabilities: probabilities,
                                                                      labels: labels)
            return [Tensor(shape: [rows, classes], storage: result)]
        }
    }
}
