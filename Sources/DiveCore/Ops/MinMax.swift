// Elementwise maximum, minimum and clamping. Where both operands are equal the gradient goes
// to the argument (`other`), so that `x.maximum(0)` has gradient 0 at x = 0 like `relu`.

extension Tensor {
    /// The larger of `self` and `other` elementwise, with broadcasting.
    public func maximum(_ other: Tensor) -> Tensor {
        let value = zipScalars(other, op: "maximum") { Swift.max($0, $1) }
        let pickSelf = zipScalars(other, op: "maximum") { $0 > $1 ? 1 : 0 }
        return Tensor.record(value, inputs: [self, other]) { [shape, other] grad in
            [(grad * pickSelf).unbroadcast(to: shape), (grad * (1 - pickSelf)).unbroadcast(to: other.shape)]
        }
    }

    /// The smaller of `self` and `other` elementwise, with broadcasting.
    public func minimum(_ other: Tensor) -> Tensor {
        let value = zipScalars(other, op: "minimum") { Swift.min($0, $1) }
        let pickSelf = zipScalars(other, op: "minimum") { $0 < $1 ? 1 : 0 }
        return Tensor.record(value, inputs: [self, other]) { [shape, other] grad in
            [(grad * pickSelf).unbroadcast(to: shape), (grad * (1 - pickSelf)).unbroadcast(to: other.shape)]
        }
    }

    /// The larger of each element and `scalar`. The gradient is 0 where `x <= scalar`.
    public func maximum(_ scalar: Float) -> Tensor {
        let mask = mapScalars { $0 > scalar ? 1 : 0 }
        return Tensor.record(mapScalars { Swift.max($0, scalar) }, inputs: [self]) { grad in [grad * mask] }
    }

    /// The smaller of each element and `scalar`. The gradient is 0 where `x >= scalar`.
    public func minimum(_ scalar: Float) -> Tensor {
        let mask = mapScalars { $0 < scalar ? 1 : 0 }
        return Tensor.record(mapScalars { Swift.min($0, scalar) }, inputs: [self]) { grad in [grad * mask] }
    }

    /// Each element limited to `range`. The gradient is 1 strictly inside the range, 0 outside
    /// and on the bounds.
    public func clamped(to range: ClosedRange<Float>) -> Tensor {
        let (low, high) = (range.lowerBound, range.upperBound)
        let mask = mapScalars { $0 > low && $0 < high ? 1 : 0 }
        let value = mapScalars { Swift.min(Swift.max($0, low), high) }
        return Tensor.record(value, inputs: [self]) { grad in [grad * mask] }
    }
}
