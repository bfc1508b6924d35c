/// The result of comparing autograd's gradient with central finite differences.
public struct GradientCheck: Sendable, CustomStringConvertible {
    /// The gradients computed by `backward()`, one per input.
    public let analytic: [Tensor]
    /// The gradients estimated by central differences, one per input.
    public let numeric: [Tensor]
    /// The largest `|analytic − numeric| / max(1, |numeric|)` over all elements of all inputs.
    public let maxError: Float

    public var description: String {
        "gradient check: max error \(maxError)\nanalytic: \(analytic)\nnumeric:  \(numeric)"
    }
}

/// Compares the gradient of the scalar function `f` at `inputs`, as computed by autograd, with
/// central finite differences `(f(x + h) − f(x − h)) / 2h` for every element of every input
/// (PyTorch's `gradcheck`). Use it to test a new operation's backward pass.
///
/// Finite differences in float32 are only accurate to about `h²` times the third derivative
/// plus rounding of `1e-7 / h`, so keep inputs away from kinks and compare with a tolerance
/// near `1e-2`.
public func checkGradient(of f: ([Tensor]) -> Tensor, at inputs: [Tensor], step h: Float = 1e-2) -> GradientCheck {
    let leaves = inputs.map { $0.detached().contiguous().requiringGrad() }
    let output = f(leaves)
    output.backward()
    let analytic = leaves.map { $0.grad ?? $0.zerosLike() }

    var numeric: [Tensor] = []
    var maxError: Float = 0
    withoutGradients {
        for (which, leaf) in leaves.enumerated() {
            var estimate = [Float](repeating: 0, count: leaf.count)
            let base = leaf.detached().scalars
            for i in base.indices {
                func evaluate(_ delta: Float) -> Float {
                    var shifted = base
                    shifted[i] += delta
                    var arguments = leaves.map { $0.detached() }
                    arguments[which] = Tensor(shifted, shape: leaf.shape)
                    return f(arguments).item()
                }
                estimate[i] = (evaluate(h) - evaluate(-h)) / (2 * h)
            }
            let exact = analytic[which].scalars
            for (a, n) in zip(exact, estimate) {
                maxError = Swift.max(maxError, Swift.abs(a - n) / Swift.max(1, Swift.abs(n)))
            }
            numeric.append(Tensor(estimate, shape: leaf.shape))
        }
    }
    return GradientCheck(analytic: analytic, numeric: numeric, maxError: maxError)
}

/// ``checkGradient(of:at:step:)`` for a function of one tensor.
public func checkGradient(of f: (Tensor) -> Tensor, at input: Tensor, step h: Float = 1e-2) -> GradientCheck {
    checkGradient(of: { f($0[0]) }, at: [input], step: h)
}
