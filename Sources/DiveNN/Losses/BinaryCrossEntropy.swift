import DiveCore

// Binary cross-entropy, for one probability (or logit) per element and targets in [0, 1].

/// Binary cross-entropy on probabilities, `-(y·log p + (1 - y)·log(1 - p))` per element
/// (PyTorch's `nn.BCELoss`).
///
/// As in PyTorch, each logarithm is clamped below at -100, so `p = 0` or `p = 1` gives a loss
/// of at most 100 per element and finite gradients. Prefer
/// ``binaryCrossEntropy(logits:targets:reduction:)`` when the model's last step is a sigmoid.
///
/// - Parameters:
///   - probabilities: Values in `[0, 1]`, any shape.
///   - targets: The same shape (traps otherwise), values in `[0, 1]`.
///   - reduction: `.mean` (default), `.sum` or `.none`.
public func binaryCrossEntropy(probabilities: Tensor, targets: Tensor, reduction: Reduction = .mean) -> Tensor {
    requireSameShape(probabilities, targets, op: "binaryCrossEntropy")
    let losses = -(targets * clampedLog(probabilities) + (1 - targets) * clampedLog(1 - probabilities))
    return reduction.apply(to: losses)
}

/// Binary cross-entropy on logits, `-(y·log σ(x) + (1 - y)·log(1 - σ(x)))` per element
/// (PyTorch's `nn.BCEWithLogitsLoss`), in the stable form `max(x, 0) - x·y + log(1 + e^-|x|)`.
///
/// The first and last terms are `log(1 + eˣ)`, computed as a log-sum-exp of `0` and `x`; its
/// gradient is `σ(x)` everywhere, `x = 0` included (a kinked `max` and `|x|` would give the
/// wrong gradient exactly there, where zero-initialised models start).
///
/// - Parameters:
///   - logits: Any real values, any shape.
///   - targets: The same shape (traps otherwise), values in `[0, 1]`.
///   - reduction: `.mean` (default), `.sum` or `.none`.
public func binaryCrossEntropy(logits: Tensor, targets: Tensor, reduction: Reduction = .mean) -> Tensor {
    requireSameShape(logits, targets, op: "binaryCrossEntropy")
    let softplus = Tensor.stacked([logits.zerosLike(), logits], alongAxis: -1).logSumExp(alongAxis: -1)
    return reduction.apply(to: softplus - logits * targets)
}

/// `log(x)` clamped below at -100, with gradient 0 where it is clamped (PyTorch's BCE rule).
/// Non-positive inputs are replaced by 1 before the logarithm so that its gradient, `1/x`,
/// never meets 0/0; those places take -100.
private func clampedLog(_ x: Tensor) -> Tensor {
    let positive = x.isGreater(than: 0)
    let logs = Tensor.where(positive, x, Tensor(1)).log()
    return Tensor.where(positive, logs, Tensor(-100)).maximum(-100)
}
