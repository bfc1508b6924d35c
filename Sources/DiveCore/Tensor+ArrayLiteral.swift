// Nested arrays of numbers as tensors: `Tensor([[0, 0], [0, 1]])` is a `[2, 2]` tensor, as
// `torch.tensor([[0, 0], [0, 1]])` is, and the nesting may go to any depth.

/// A number or a nested array of numbers that can become a tensor: `Float`, `Double`, `Int`, and
/// arrays of any of these, to any depth. Elements become `Float`.
public protocol TensorConvertibleElements {
    /// The shape this value gives a tensor: `[]` for a number, `[count] + element shape` for an
    /// array; nil when the nested arrays at some depth differ in length (ragged).
    var tensorShape: [Int]? { get }
    /// Appends the numbers in row-major order.
    func appendScalars(to scalars: inout [Float])
}

extension Float: TensorConvertibleElements {
    /// `[]`: a number is a scalar.
    public var tensorShape: [Int]? { [] }
    /// Appends this number.
    public func appendScalars(to scalars: inout [Float]) { scalars.append(self) }
}

extension Double: TensorConvertibleElements {
    /// `[]`: a number is a scalar.
    public var tensorShape: [Int]? { [] }
    /// Appends this number, rounded to `Float`.
    public func appendScalars(to scalars: inout [Float]) { scalars.append(Float(self)) }
}

extension Int: TensorConvertibleElements {
    /// `[]`: a number is a scalar.
    public var tensorShape: [Int]? { [] }
    /// Appends this number as a `Float` (exact up to 2²⁴ in size).
    public func appendScalars(to scalars: inout [Float]) { scalars.append(Float(self)) }
}

extension Array: TensorConvertibleElements where Element: TensorConvertibleElements {
    /// `[count]` followed by the elements' common shape; nil when they differ.
    public var tensorShape: [Int]? {
        guard let inner = first?.tensorShape else { return isEmpty ? [0] : nil }
        return dropFirst().allSatisfy({ $0.tensorShape == inner }) ? [count] + inner : nil
    }

    /// Appends every element's numbers in order.
    public func appendScalars(to scalars: inout [Float]) {
        for element in self { element.appendScalars(to: &scalars) }
    }
}

extension Tensor {
    /// A tensor from nested arrays, its shape read from the nesting:
    /// `Tensor([[1, 2, 3], [4, 5, 6]])` has shape `[2, 3]`. Traps, naming the shapes found, when
    /// the arrays at one depth differ in length.
    public init<Elements: TensorConvertibleElements>(_ nested: [Elements]) {
        guard let shape = nested.tensorShape else {
            trap(.invalid(op: "Tensor", message: "nested arrays differ in length at the same depth: "
                          + "\(nested.map { $0.tensorShape.map { "\($0)" } ?? "ragged" })"))
        }
        var scalars: [Float] = []
        scalars.reserveCapacity(Shape.count(shape))
        nested.appendScalars(to: &scalars)
        self.init(scalars, shape: shape)
    }
}
