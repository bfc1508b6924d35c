import DiveCore

/// How a loss combines the losses of the individual examples (PyTorch's `reduction`).
public enum Reduction: Sendable {
    /// The average over all elements (the default).
    case mean
    /// The sum over all elements.
    case sum
    /// No reduction: one loss per element, in the shape of the per-element losses.
    case none

    /// `losses` reduced: a scalar tensor for `.mean` and `.sum`, `losses` itself for `.none`.
    public func apply(to losses: Tensor) -> Tensor {
        switch self {
        case .mean: losses.mean()
        case .sum: losses.sum()
        case .none: losses
        }
    }
}

/// Traps unless `prediction` and `target` have the same shape. Losses do not broadcast:
/// a `[n, 1]` prediction against `[n]` targets would silently broadcast to `[n, n]`.
func requireSameShape(_ prediction: Tensor, _ target: Tensor, op: String) {
    guard prediction.shape == target.shape else {
        trap(.mismatch(op: op, lhs: prediction.shape, rhs: target.shape,
                       expected: "prediction and target of the same shape; reshape one of them"))
    }
}
