/// An n-dimensional array of `Float` with reverse-mode automatic differentiation.
///
/// `Tensor` has value semantics: after `var b = a`, writing to `b` never changes `a`. The
/// elements live in a shared, copy-on-write `Storage`, so copies and views (reshape,
/// transpose, expand, slicing) are cheap: they change `shape`, `strides` and `offset`, never
/// the buffer. Element `[i0, i1, …]` sits at `offset + i0 * strides[0] + i1 * strides[1] + …`.
///
/// A tensor that `requiresGrad` is a leaf of the autograd graph; every differentiable operation
/// on it records how to send gradients back, and `backward()` fills the leaves' `grad`.
public struct Tensor: @unchecked Sendable {
    /// The size of each dimension; `[]` for a scalar.
    public let shape: [Int]
    /// How many elements to step in storage for one step along each dimension (0 when broadcast).
    public let strides: [Int]
    /// Where element `[0, 0, …]` sits in storage.
    let offset: Int
    var storage: Storage
    /// The autograd link: nil for constants, for tensors made under `withoutGradients`, and for
    /// results of operations whose inputs need no gradient.
    var node: GradNode?

    init(shape: [Int], strides: [Int], offset: Int, storage: Storage, node: GradNode? = nil) {
        self.shape = shape
        self.strides = strides
        self.offset = offset
        self.storage = storage
        self.node = node
    }

    /// A contiguous tensor over fresh storage that the caller fills.
    init(shape: [Int], storage: Storage) {
        self.init(shape: shape, strides: Shape.contiguousStrides(shape), offset: 0, storage: storage)
    }

    /// A tensor of the given shape holding `scalars` in row-major order.
    ///
    /// Traps when `scalars.count` is not the product of `shape`; use
    /// ``init(validating:shape:)`` for values that come from outside the program.
    public init(_ scalars: [Float], shape: [Int]) {
        self = orTrap { () throws(ShapeError) in try Tensor(validating: scalars, shape: shape) }
    }

    /// A tensor of the given shape holding `scalars`, throwing when the counts disagree.
    public init(validating scalars: [Float], shape: [Int]) throws(ShapeError) {
        guard shape.allSatisfy({ $0 >= 0 }) else {
            throw .invalid(op: "Tensor", message: "shape \(shape) has a negative dimension")
        }
        guard Shape.count(shape) == scalars.count else {
            throw .invalid(op: "Tensor",
                           message: "shape \(shape) holds \(Shape.count(shape)) elements but \(scalars.count) were given")
        }
        self.init(shape: shape, storage: Storage(copying: scalars))
    }

    /// A one-dimensional tensor holding `scalars`.
    public init(_ scalars: [Float]) { self.init(scalars, shape: [scalars.count]) }

    /// A scalar (rank-0) tensor.
    public init(_ scalar: Float) { self.init([scalar], shape: []) }

    /// The number of dimensions.
    public var rank: Int { shape.count }
    /// The number of elements.
    public var count: Int { Shape.count(shape) }

    /// Whether the elements are laid out row-major without gaps, starting anywhere in storage.
    public var isContiguous: Bool { strides == Shape.contiguousStrides(shape) || count <= 1 }
}

// MARK: - Reading elements

extension Tensor {
    /// The elements in row-major order.
    public var scalars: [Float] {
        let c = contiguous()
        return c.storage.withHostPointer { Array(UnsafeBufferPointer(start: $0 + c.offset, count: c.count)) }
    }

    /// The single element of a tensor with one element (any rank), like PyTorch's `item()`.
    public func item() -> Float {
        guard count == 1 else {
            trap(.invalid(op: "item", message: "needs a tensor with one element, got shape \(shape)"))
        }
        return storage.withHostPointer { $0[offset] }
    }

    /// The element at a full index, e.g. `t[1, 2]` for a matrix.
    public subscript(_ index: Int...) -> Float {
        guard index.count == rank else {
            trap(.invalid(op: "subscript", message: "\(index.count) indices for a tensor of rank \(rank)"))
        }
        var position = offset
        for (axis, i) in index.enumerated() {
            guard i >= 0, i < shape[axis] else {
                trap(.invalid(op: "subscript", message: "index \(i) out of range 0..<\(shape[axis]) on axis \(axis)"))
            }
            position += i * strides[axis]
        }
        return storage.withHostPointer { $0[position] }
    }

    /// This tensor's elements in a contiguous row-major buffer: itself when already contiguous,
    /// otherwise a copy. Gradients flow through the copy.
    public func contiguous() -> Tensor {
        if isContiguous { return self }
        return Tensor.record(Tensor(shape: shape, storage: copiedElements()), inputs: [self]) { grad in [grad] }
    }

    /// The layout and buffer that backends read.
    var operand: Operand { Operand(storage: storage, shape: shape, strides: strides, offset: offset) }

    /// The elements in a fresh contiguous storage, copied by the current backend.
    func copiedElements() -> Storage {
        let result = Storage(uninitializedCount: count)
        Backends.current.copy(operand, into: Operand(contiguous: result, shape: shape))
        return result
    }

    /// Makes the storage unique and contiguous so that it can be written in place.
    mutating func makeUniqueContiguous() {
        if !isContiguous || offset != 0 || storage.count != count || !isKnownUniquelyReferenced(&storage) {
            self = Tensor(shape: shape, strides: Shape.contiguousStrides(shape), offset: 0,
                          storage: copiedElements(), node: node)
        }
    }
}
