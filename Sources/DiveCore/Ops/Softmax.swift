// Softmax and log-softmax, composed from ops that already have a backward (no new gradient code).

extension Tensor {
    /// Log-softmax along `axis`: `x - log(sum(exp(x)))`, each slice along `axis` turned into
    /// log-probabilities.
    ///
    /// Stable for large logits (1000 and more): the maximum of each slice is subtracted first.
    /// The maximum is detached because log-softmax does not change when a constant is
    /// subtracted, so no gradient needs to flow through it. The result has this tensor's shape.
    public func logSoftmax(alongAxis axis: Int) -> Tensor {
        let shifted = self - max(alongAxis: axis, keepingDimension: true).detached()
        return shifted - shifted.exp().sum(alongAxis: axis, keepingDimension: true).log()
    }

    /// Softmax along `axis`: `exp(x) / sum(exp(x))`, each slice along `axis` turned into
    /// probabilities that sum to 1 (the book's `softmax(X)` with `axis: 1` on `[batch, classes]`).
    ///
    /// Stable for large logits: the detached maximum of each slice is subtracted before `exp`,
    /// so nothing overflows. The result has this tensor's shape.
    public func softmax(alongAxis axis: Int) -> Tensor {
        let e = (self - max(alongAxis: axis, keepingDimension: true).detached()).exp()
        return e / e.sum(alongAxis: axis, keepingDimension: true)
    }
}
