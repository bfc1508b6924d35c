// Tensors made from sizes, ranges and seeded random numbers.

extension Tensor {
    /// A tensor of `shape` with every element `value`.
    public static func full(_ value: Float, shape: [Int]) -> Tensor {
        Tensor(shape: shape, storage: Storage(repeating: value, count: Shape.count(shape)))
    }

    /// A tensor of `shape` filled with zeros.
    public static func zeros(_ shape: [Int]) -> Tensor { full(0, shape: shape) }

    /// A tensor of `shape` filled with ones.
    public static func ones(_ shape: [Int]) -> Tensor { full(1, shape: shape) }

    /// `start, start + step, …` up to but excluding `end` (NumPy's `arange`).
    public static func arange(from start: Float = 0, to end: Float, step: Float = 1) -> Tensor {
        guard step != 0 else { trap(.invalid(op: "arange", message: "step must not be 0")) }
        let n = Swift.max(0, Int(((end - start) / step).rounded(.up)))
        return Tensor((0..<n).map { start + Float($0) * step })
    }

    /// `count` evenly spaced values from `start` to `end`, both included.
    public static func linspace(from start: Float, to end: Float, count: Int) -> Tensor {
        guard count > 1 else { return Tensor(count == 1 ? [start] : []) }
        let step = (end - start) / Float(count - 1)
        return Tensor((0..<count).map { $0 == count - 1 ? end : start + Float($0) * step })
    }

    /// Samples of a normal distribution with `mean` and standard deviation `std`.
    public static func randn(_ shape: [Int], mean: Float = 0, std: Float = 1,
                             using generator: inout RandomGenerator) -> Tensor {
        let n = Shape.count(shape)
        let result = Storage(uninitializedCount: n)
        result.withHostPointer { out in
            var i = 0
            while i < n {
                let (a, b) = generator.nextNormalPair()
                out[i] = mean + std * a
                if i + 1 < n { out[i + 1] = mean + std * b }
                i += 2
            }
        }
        return Tensor(shape: shape, storage: result)
    }

    /// Normal samples from a generator made from `seed`.
    public static func randn(_ shape: [Int], mean: Float = 0, std: Float = 1, seed: UInt64) -> Tensor {
        var generator = RandomGenerator(seed: seed)
        return randn(shape, mean: mean, std: std, using: &generator)
    }

    /// Samples uniform in `range` (upper bound excluded).
    public static func uniform(_ shape: [Int], in range: ClosedRange<Float> = 0...1,
                               using generator: inout RandomGenerator) -> Tensor {
        let n = Shape.count(shape)
        let result = Storage(uninitializedCount: n)
        result.withHostPointer { out in for i in 0..<n { out[i] = generator.nextFloat(in: range) } }
        return Tensor(shape: shape, storage: result)
    }

    /// Uniform samples from a generator made from `seed`.
    public static func uniform(_ shape: [Int], in range: ClosedRange<Float> = 0...1, seed: UInt64) -> Tensor {
        var generator = RandomGenerator(seed: seed)
        return uniform(shape, in: range, using: &generator)
    }

    /// A mask of ones (with probability `probability`) and zeros, like `torch.bernoulli`.
    public static func bernoulli(_ shape: [Int], probability: Float,
                                 using generator: inout RandomGenerator) -> Tensor {
        guard (0...1).contains(probability) else {
            trap(.invalid(op: "bernoulli", message: "probability \(probability) is outside [0, 1]"))
        }
        let n = Shape.count(shape)
        let result = Storage(uninitializedCount: n)
        result.withHostPointer { out in for i in 0..<n { out[i] = generator.nextUnitFloat() < probability ? 1 : 0 } }
        return Tensor(shape: shape, storage: result)
    }

    /// A tensor of zeros with this tensor's shape (no autograd link).
    public func zerosLike() -> Tensor { Tensor.zeros(shape) }
    /// A tensor of ones with this tensor's shape (no autograd link), the book's `torch.ones_like`.
    public func onesLike() -> Tensor { Tensor.ones(shape) }
}
