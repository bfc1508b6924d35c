import Foundation

// Optimizer updates as single passes over memory (on the CPU, the vectorised C loops of
// _DiveKernels), through the backend's optimizer-step primitive.
// Written with tensor ops, one Adam step is a dozen passes and as many temporary tensors per
// parameter, which dominates small-batch training; here each element is read and written once,
// in place. The tests keep the composite formulas as the oracle.

extension Tensor {
    /// One SGD step on this tensor, in place, following PyTorch's `torch.optim.SGD`:
    ///
    /// ```text
    /// d = g + weightDecay·w
    /// b = d on the first step (momentumBuffer nil), else momentum·b + d   (when momentum > 0)
    /// d = d + momentum·b if nesterov, else b                              (when momentum > 0)
    /// w = w − learningRate·d
    /// ```
    /// `momentumBuffer` is created on the first step when `momentum > 0`. The tensor keeps its
    /// autograd identity; call this only where no graph is recorded (`withoutGradients`).
    public mutating func sgdStep(gradient: Tensor, momentumBuffer: inout Tensor?, learningRate: Float,
                                 momentum: Float = 0, nesterov: Bool = false, weightDecay: Float = 0) {
        checkUpdate(gradient, op: "sgdStep")
        makeUniqueContiguous()
        let isFirst = momentumBuffer == nil
        if momentum != 0 && isFirst { momentumBuffer = Tensor.zeros(shape) }
        momentumBuffer?.makeUniqueContiguous()
        Backends.current.optimizerStep(
            .sgd(learningRate: learningRate, momentum: momentum, nesterov: nesterov, weightDecay: weightDecay,
                 isFirst: isFirst),
            weights: storage, gradient: gradient.operand, state: momentumBuffer.map { [$0.storage] } ?? [])
    }

    /// One Adam step on this tensor, in place, following PyTorch's `torch.optim.Adam` (and
    /// `AdamW` when `decoupled`); `step` counts from 1 and `mean`/`squares` are the moment
    /// estimates, updated in place:
    ///
    /// ```text
    /// g = g + weightDecay·w  (coupled)         w = w·(1 − learningRate·weightDecay)  (decoupled)
    /// m = β1·m + (1 − β1)·g,  v = β2·v + (1 − β2)·g²
    /// w = w − learningRate / (1 − β1ᵗ) · m / (√v / √(1 − β2ᵗ) + ε)
    /// ```
    public mutating func adamStep(gradient: Tensor, mean: inout Tensor, squares: inout Tensor, step: Int,
                                  learningRate: Float, beta1: Float, beta2: Float, epsilon: Float,
                                  weightDecay: Float = 0, decoupled: Bool = false) {
        checkUpdate(gradient, op: "adamStep")
        checkUpdate(mean, op: "adamStep")
        checkUpdate(squares, op: "adamStep")
        makeUniqueContiguous()
        mean.makeUniqueContiguous()
        squares.makeUniqueContiguous()
        let stepSize = Float(Double(learningRate) / (1 - Foundation.pow(Double(beta1), Double(step))))
        let correction = Float((1 - Foundation.pow(Double(beta2), Double(step))).squareRoot())
        Backends.current.optimizerStep(
            .adam(beta1: beta1, beta2: beta2, stepSize: stepSize, correction: correction, epsilon: epsilon,
                  coupledDecay: decoupled ? 0 : weightDecay, shrink: decoupled ? 1 - learningRate * weightDecay : 1),
            weights: storage, gradient: gradient.operand, state: [mean.storage, squares.storage])
    }

    private func checkUpdate(_ other: Tensor, op: String) {
        guard other.shape == shape else {
            trap(.mismatch(op: op, lhs: shape, rhs: other.shape, expected: "same shape as the parameter"))
        }
        if node != nil && GradMode.isEnabled {
            trap(.invalid(op: op, message: "in-place update of a tensor that requires a gradient; do it inside withoutGradients { }"))
        }
    }
}

