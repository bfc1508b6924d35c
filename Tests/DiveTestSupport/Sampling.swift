import DiveCore

// Inputs for gradient checks and the gradients to compare.

/// Seeded uniform samples in `range`, each moved at least `margin` away from every point in
/// `kinks` (0 for ReLU-like functions), so that finite differences never straddle a kink.
public func sample(_ shape: [Int], in range: ClosedRange<Float> = -2...2, seed: UInt64,
                   awayFrom kinks: [Float] = [], by margin: Float = 0.1) -> Tensor {
    let raw = Tensor.uniform(shape, in: range, seed: seed).scalars
    let moved = raw.map { value in
        var x = value
        for kink in kinks where abs(x - kink) < margin { x = x < kink ? kink - margin : kink + margin }
        return x
    }
    return Tensor(moved, shape: shape)
}

/// The gradient autograd computes for the scalar function `f` at `input`.
public func gradient(of f: (Tensor) -> Tensor, at input: Tensor) -> [Float] {
    let x = input.detached().requiringGrad()
    f(x).backward()
    return x.grad?.scalars ?? []
}

/// The gradient of `f` at the one-dimensional tensor holding `values`.
public func gradient(of f: (Tensor) -> Tensor, at values: [Float]) -> [Float] {
    gradient(of: f, at: Tensor(values))
}
