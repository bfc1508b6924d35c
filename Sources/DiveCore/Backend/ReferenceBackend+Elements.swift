import Foundation

// The reference backend's building blocks: elements found one by one from their index, and the
// scalar functions the enums name.

extension ReferenceBackend {
    /// Where element `index` (counted in row-major order) of `x` sits in its storage.
    func position(of index: Int, in x: Operand) -> Int {
        var rest = index, position = x.offset
        for axis in x.shape.indices.reversed() {
            position += (rest % x.shape[axis]) * x.strides[axis]
            rest /= x.shape[axis]
        }
        return position
    }

    /// The elements of `x` in row-major order.
    func elements(of x: Operand) -> [Float] {
        x.storage.withHostPointer { p in (0..<x.count).map { p[position(of: $0, in: x)] } }
    }

    /// Writes `values` at the start of `output`.
    func write(_ values: [Float], into output: Storage) {
        output.withHostPointer { out in
            for (i, value) in values.enumerated() { out[i] = value }
        }
    }

    /// The slices of `x` along `axis`, one per position of the other axes, in row-major order.
    func slices(of x: Operand, axis: Int) -> [[Float]] {
        var kept = x.shape
        kept[axis] = 1
        var keptStrides = x.strides
        keptStrides[axis] = 0
        let starts = Operand(storage: x.storage, shape: kept, strides: keptStrides, offset: x.offset)
        return x.storage.withHostPointer { p in
            (0..<starts.count).map { j in
                let start = position(of: j, in: starts)
                return (0..<x.shape[axis]).map { p[start + $0 * x.strides[axis]] }
            }
        }
    }

    /// The index of the largest element (the first on ties; NaN counts as the largest).
    static func largest(in values: [Float]) -> Int {
        var best = 0
        for (i, v) in values.enumerated() where v > values[best] || (v.isNaN && !values[best].isNaN) { best = i }
        return best
    }

    static func apply(_ op: UnaryOp, _ x: Float) -> Float {
        switch op {
        case .negate: -x
        case .exp: Foundation.exp(x)
        case .log: Foundation.log(x)
        case .sqrt: x.squareRoot()
        case .abs: Swift.abs(x)
        case .sign: x > 0 ? 1 : (x < 0 ? -1 : 0)
        case .sigmoid: x >= 0 ? 1 / (1 + Foundation.exp(-x)) : Foundation.exp(x) / (1 + Foundation.exp(x))
        case .tanh: Foundation.tanh(x)
        case .relu: x.isNaN ? x : (x > 0 ? x : 0)
        case .sin: Foundation.sin(x)
        case .cos: Foundation.cos(x)
        }
    }

    static func apply(_ op: BinaryOp, _ a: Float, _ b: Float) -> Float {
        switch op {
        case .add: a + b
        case .subtract: a - b
        case .multiply: a * b
        case .divide: a / b
        case .power: Foundation.pow(a, b)
        case .maximum: Swift.max(a, b)
        case .minimum: Swift.min(a, b)
        case .isGreater: a > b ? 1 : 0
        case .isLess: a < b ? 1 : 0
        case .isEqual: a == b ? 1 : 0
        case .select: a != 0 ? b : 0
        }
    }
}
