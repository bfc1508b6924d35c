// Tensors whose elements a caller writes straight into fresh storage.

extension Tensor {
    /// A contiguous tensor of `shape` whose elements `body` writes, in row-major order, into a
    /// fresh buffer, like `Array(unsafeUninitializedCapacity:initializingWith:)`.
    ///
    /// For loops that produce many elements (data loaders gathering a batch, decoders) without an
    /// intermediate `[Float]`. `body` must write every one of the `Shape.count(shape)` elements.
    /// The result has no autograd link.
    public init(shape: [Int], initializingWith body: (UnsafeMutableBufferPointer<Float>) throws -> Void) rethrows {
        guard shape.allSatisfy({ $0 >= 0 }) else {
            trap(.invalid(op: "Tensor", message: "shape \(shape) has a negative dimension"))
        }
        let storage = Storage(uninitializedCount: Shape.count(shape))
        try storage.withHostPointer { try body(UnsafeMutableBufferPointer(start: $0, count: storage.count)) }
        self.init(shape: shape, storage: storage)
    }
}
