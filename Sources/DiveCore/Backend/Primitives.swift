// The enums that name what a backend computes. An enum case (not a closure) can be compiled
// for any device and checked against the reference backend.

/// An elementwise function of one operand.
package enum UnaryOp: Sendable, CaseIterable {
    case negate, exp, log, sqrt, abs
    /// 1 for positive, -1 for negative, 0 for zero (and NaN).
    case sign
    /// `1 / (1 + e^-x)`, computed without overflow for large |x|.
    case sigmoid
    case tanh
    /// `max(x, 0)`; NaN stays NaN.
    case relu
    case sin, cos
}

/// An elementwise function of two operands of the same shape (broadcasting is done by strides).
package enum BinaryOp: Sendable, CaseIterable {
    case add, subtract, multiply, divide
    /// `a` raised to the power `b`.
    case power
    case maximum, minimum
    /// 1 where the comparison holds, else 0.
    case isGreater, isLess, isEqual
    /// `b` where `a` is non-zero, else 0: gates a gradient by a mask or an activation.
    case select
}

/// A reduction along one axis.
package enum ReduceOp: Sendable, CaseIterable {
    case sum
    /// The largest element; NaN when the slice holds one.
    case max
}

/// One matrix product for ``Backend/gemm(_:)``: row-major matrices, each given by its storage,
/// the offset of its first element and its leading dimension (the step between rows).
package struct GEMMProduct {
    /// Whether `A` (stored `k × m`) is read transposed.
    package var transposeA: Bool
    /// Whether `B` (stored `n × k`) is read transposed.
    package var transposeB: Bool
    package var m: Int, n: Int, k: Int
    package var alpha: Float
    package var a: Storage, offsetA: Int, lda: Int
    package var b: Storage, offsetB: Int, ldb: Int
    /// 0 overwrites `C` (which may be uninitialised); 1 adds the product to it.
    package var beta: Float
    package var c: Storage, offsetC: Int, ldc: Int
    /// What happens to the result before it is stored.
    package var epilogue: GEMMEpilogue

    /// Describes `C = epilogue(alpha · op(A) · op(B) + beta · C)`.
    package init(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
                 a: Storage, offsetA: Int, lda: Int, b: Storage, offsetB: Int, ldb: Int,
                 beta: Float, c: Storage, offsetC: Int, ldc: Int, epilogue: GEMMEpilogue = .none) {
        (self.transposeA, self.transposeB, self.m, self.n, self.k, self.alpha) = (transposeA, transposeB, m, n, k, alpha)
        (self.a, self.offsetA, self.lda, self.b, self.offsetB, self.ldb) = (a, offsetA, lda, b, offsetB, ldb)
        (self.beta, self.c, self.offsetC, self.ldc, self.epilogue) = (beta, c, offsetC, ldc, epilogue)
    }
}

/// Work fused into a matrix product's output pass.
package struct GEMMEpilogue {
    /// A vector of `n` elements added to every row of the result.
    package var bias: Operand?
    /// Whether `max(·, 0)` is applied last.
    package var relu: Bool

    /// Neither bias nor activation.
    package static let none = GEMMEpilogue(bias: nil, relu: false)

    package init(bias: Operand?, relu: Bool) {
        self.bias = bias
        self.relu = relu
    }
}

/// An optimizer's update rule with its hyperparameters for one step (see `Tensor.sgdStep` and
/// `Tensor.adamStep` for the formulas).
package enum OptimizerStep: Sendable {
    /// SGD; the state is the momentum buffer when `momentum > 0`, else empty.
    case sgd(learningRate: Float, momentum: Float, nesterov: Bool, weightDecay: Float, isFirst: Bool)
    /// Adam and AdamW, with the bias corrections folded into `stepSize` and `correction`; the
    /// state is `[mean, squares]`.
    case adam(beta1: Float, beta2: Float, stepSize: Float, correction: Float, epsilon: Float,
              coupledDecay: Float, shrink: Float)
}
