import DiveCore

/// Cross-entropy between logits and integer class labels (PyTorch's `nn.CrossEntropyLoss`,
/// the book's `cross_entropy(softmax(X), y)` done stably).
///
/// The loss of row `i` is `-log softmax(logits[i])[labels[i]]`, computed in one fused pass
/// (`Tensor.softmaxCrossEntropy`) that subtracts each row's maximum first, so logits of 1000 or
/// more give finite losses and gradients.
///
/// - Parameters:
///   - logits: Unnormalised scores, shape `[batch, classes]`.
///   - labels: One class index in `0..<classes` per row (traps otherwise).
///   - reduction: `.mean` over the batch (default), `.sum`, or `.none` for shape `[batch]`.
public func crossEntropy(logits: Tensor, labels: [Int], reduction: Reduction = .mean) -> Tensor {
    guard logits.rank == 2, logits.shape[0] == labels.count else {
        trap(.mismatch(op: "crossEntropy", lhs: logits.shape, rhs: [labels.count],
                       expected: "logits [batch, classes] and one label per row"))
    }
    return reduction.apply(to: logits.softmaxCrossEntropy(labels: labels))
}
