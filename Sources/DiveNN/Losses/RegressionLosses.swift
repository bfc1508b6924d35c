import DiveCore

// Losses between real-valued predictions and targets of the same shape.

/// Mean squared error `(ŷ - y)²` per element, reduced (PyTorch's `nn.MSELoss`).
///
/// - Parameters:
///   - prediction: Any shape.
///   - target: The same shape as `prediction` (traps otherwise: no broadcasting).
///   - reduction: `.mean` (default), `.sum` or `.none` (the prediction's shape).
public func mseLoss(_ prediction: Tensor, _ target: Tensor, reduction: Reduction = .mean) -> Tensor {
    requireSameShape(prediction, target, op: "mseLoss")
    return reduction.apply(to: (prediction - target).squared())
}

/// The book's squared loss `½(ŷ - y)²` per example, unreduced (d2l's `squared_loss`).
///
/// As in the book, `target` is reshaped to the prediction's shape first (so `[n]` targets fit a
/// `[n, 1]` prediction); it must have as many elements. The result has the prediction's shape.
public func squaredLoss(_ prediction: Tensor, _ target: Tensor) -> Tensor {
    guard prediction.count == target.count else {
        trap(.mismatch(op: "squaredLoss", lhs: prediction.shape, rhs: target.shape,
                       expected: "as many targets as predictions"))
    }
    return (prediction - target.reshaped(prediction.shape)).squared() / 2
}

/// Absolute error `|ŷ - y|` per element, reduced (PyTorch's `nn.L1Loss`). The gradient where
/// `ŷ == y` exactly is 0, as in PyTorch.
///
/// - Parameters:
///   - prediction: Any shape.
///   - target: The same shape as `prediction` (traps otherwise).
///   - reduction: `.mean` (default), `.sum` or `.none`.
public func l1Loss(_ prediction: Tensor, _ target: Tensor, reduction: Reduction = .mean) -> Tensor {
    requireSameShape(prediction, target, op: "l1Loss")
    return reduction.apply(to: (prediction - target).abs())
}
