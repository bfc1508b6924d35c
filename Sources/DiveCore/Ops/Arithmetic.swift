// + - * / with NumPy broadcasting, negation and powers. A scalar operand is a rank-0 tensor,
// so every form goes through the same broadcasting ops and their backward.

extension Tensor {
    /// Elementwise sum with broadcasting.
    public static func + (lhs: Tensor, rhs: Tensor) -> Tensor {
        let value = lhs.binary(.add, rhs, name: "+")
        return record(value, inputs: [lhs, rhs]) { grad in
            [grad.unbroadcast(to: lhs.shape), grad.unbroadcast(to: rhs.shape)]
        }
    }

    /// Elementwise difference with broadcasting.
    public static func - (lhs: Tensor, rhs: Tensor) -> Tensor {
        let value = lhs.binary(.subtract, rhs, name: "-")
        return record(value, inputs: [lhs, rhs]) { grad in
            [grad.unbroadcast(to: lhs.shape), (-grad).unbroadcast(to: rhs.shape)]
        }
    }

    /// Elementwise product with broadcasting.
    public static func * (lhs: Tensor, rhs: Tensor) -> Tensor {
        let value = lhs.binary(.multiply, rhs, name: "*")
        let (a, b) = (lhs.detached(), rhs.detached())
        return record(value, inputs: [lhs, rhs]) { grad, needed in
            [needed[0] ? (grad * b).unbroadcast(to: a.shape) : nil,
             needed[1] ? (grad * a).unbroadcast(to: b.shape) : nil]
        }
    }

    /// Elementwise quotient with broadcasting.
    public static func / (lhs: Tensor, rhs: Tensor) -> Tensor {
        let value = lhs.binary(.divide, rhs, name: "/")
        let (a, b) = (lhs.detached(), rhs.detached())
        return record(value, inputs: [lhs, rhs]) { grad, needed in
            [needed[0] ? (grad / b).unbroadcast(to: a.shape) : nil,
             needed[1] ? (-grad * a / (b * b)).unbroadcast(to: b.shape) : nil]
        }
    }

    /// Elementwise negation.
    public static prefix func - (x: Tensor) -> Tensor {
        record(x.unary(.negate), inputs: [x]) { grad in [-grad] }
    }

    /// `lhs + rhs` with the scalar broadcast to every element.
    public static func + (lhs: Tensor, rhs: Float) -> Tensor { lhs + Tensor(rhs) }
    /// `lhs + rhs` with the scalar broadcast to every element.
    public static func + (lhs: Float, rhs: Tensor) -> Tensor { Tensor(lhs) + rhs }
    /// `lhs - rhs` with the scalar broadcast to every element.
    public static func - (lhs: Tensor, rhs: Float) -> Tensor { lhs - Tensor(rhs) }
    /// `lhs - rhs` with the scalar broadcast to every element.
    public static func - (lhs: Float, rhs: Tensor) -> Tensor { Tensor(lhs) - rhs }
    /// `lhs * rhs` with the scalar broadcast to every element.
    public static func * (lhs: Tensor, rhs: Float) -> Tensor { lhs * Tensor(rhs) }
    /// `lhs * rhs` with the scalar broadcast to every element.
    public static func * (lhs: Float, rhs: Tensor) -> Tensor { Tensor(lhs) * rhs }
    /// `lhs / rhs` with the scalar broadcast to every element.
    public static func / (lhs: Tensor, rhs: Float) -> Tensor { lhs / Tensor(rhs) }
    /// `lhs / rhs` with the scalar broadcast to every element.
    public static func / (lhs: Float, rhs: Tensor) -> Tensor { Tensor(lhs) / rhs }

    /// Each element raised to a constant power: `x.pow(2)`. The gradient is `p·x^(p-1)`.
    public func pow(_ exponent: Float) -> Tensor {
        let x = detached()
        let value = binary(.power, Tensor(exponent), name: "pow")
        return Tensor.record(value, inputs: [self]) { grad in [grad * (exponent * x.pow(exponent - 1))] }
    }

    /// Elementwise power with broadcasting, `self ^ exponent`, differentiable in both operands
    /// (the base's gradient needs a positive base where the exponent is not constant).
    public func pow(_ exponent: Tensor) -> Tensor {
        let value = binary(.power, exponent, name: "pow")
        let (a, b, y) = (detached(), exponent.detached(), value)
        return Tensor.record(value, inputs: [self, exponent]) { grad, needed in
            [needed[0] ? (grad * b * a.pow(b - 1)).unbroadcast(to: a.shape) : nil,
             needed[1] ? (grad * y * a.log()).unbroadcast(to: b.shape) : nil]
        }
    }
}

// MARK: - In-place updates (optimizers, the book's `param -= lr * param.grad`)

extension Tensor {
    /// Subtracts `rhs` (broadcast to this shape) in place, keeping this tensor's autograd identity,
    /// as optimizer steps need. Only allowed where no graph is recorded: inside `withoutGradients`
    /// or on a tensor that needs no gradient.
    public static func -= (lhs: inout Tensor, rhs: Tensor) { lhs.update(with: rhs, .subtract, name: "-=") }
    /// Adds `rhs` (broadcast to this shape) in place; see `-=`.
    public static func += (lhs: inout Tensor, rhs: Tensor) { lhs.update(with: rhs, .add, name: "+=") }
    /// Multiplies by `rhs` (broadcast to this shape) in place; see `-=`.
    public static func *= (lhs: inout Tensor, rhs: Tensor) { lhs.update(with: rhs, .multiply, name: "*=") }
    /// `-=` with the scalar broadcast to every element.
    public static func -= (lhs: inout Tensor, rhs: Float) { lhs -= Tensor(rhs) }
    /// `+=` with the scalar broadcast to every element.
    public static func += (lhs: inout Tensor, rhs: Float) { lhs += Tensor(rhs) }
    /// `*=` with the scalar broadcast to every element.
    public static func *= (lhs: inout Tensor, rhs: Float) { lhs *= Tensor(rhs) }

    /// `self = op(self, rhs)` in place, `rhs` broadcast to this shape.
    mutating func update(with rhs: Tensor, _ op: BinaryOp, name: String) {
        if node != nil && GradMode.isEnabled {
            trap(.invalid(op: name, message: "in-place update of a tensor that requires a gradient; do it inside withoutGradients { }"))
        }
        let target = orTrap { () throws(ShapeError) in try Shape.broadcast(shape, rhs.shape, op: name) }
        guard target == shape else { trap(.notBroadcastable(op: name, lhs: shape, rhs: rhs.shape)) }
        makeUniqueContiguous()
        Backends.current.binary(op, operand, rhs.broadcastOperand(to: shape), into: storage)
    }

    /// Overwrites every element with `value` in place (used to zero buffers and initialise weights).
    public mutating func fill(_ value: Float) {
        makeUniqueContiguous()
        Backends.current.fill(operand, with: value)
    }

    /// Overwrites the elements in place with those of `source`, which must have the same shape.
    public mutating func assign(_ source: Tensor) {
        guard source.shape == shape else {
            trap(.mismatch(op: "assign", lhs: shape, rhs: source.shape, expected: "same shape"))
        }
        makeUniqueContiguous()
        Backends.current.copy(source.operand, into: operand)
    }
}

