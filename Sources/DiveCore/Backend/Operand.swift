/// A strided view of a ``Storage``: what a backend primitive reads (or writes).
///
/// Element `[i0, i1, …]` sits at `offset + i0 * strides[0] + i1 * strides[1] + …`; a stride of 0
/// repeats an element (broadcasting). Ops build operands from tensors; backends never see
/// autograd.
package struct Operand {
    /// The buffer holding the elements.
    package let storage: Storage
    /// The size of each dimension; `[]` for a scalar.
    package let shape: [Int]
    /// The storage step for one step along each dimension.
    package let strides: [Int]
    /// Where element `[0, 0, …]` sits.
    package let offset: Int

    /// A view with the given layout.
    package init(storage: Storage, shape: [Int], strides: [Int], offset: Int) {
        self.storage = storage
        self.shape = shape
        self.strides = strides
        self.offset = offset
    }

    /// The whole of `storage`, read as a contiguous tensor of `shape`.
    package init(contiguous storage: Storage, shape: [Int]) {
        self.init(storage: storage, shape: shape, strides: Shape.contiguousStrides(shape), offset: 0)
    }

    /// The number of elements.
    package var count: Int { Shape.count(shape) }

    /// Whether the elements follow each other in row-major order without gaps (axes of size 1
    /// may have any stride).
    package var isContiguous: Bool {
        var expected = 1
        for axis in shape.indices.reversed() where shape[axis] != 1 {
            if strides[axis] != expected { return false }
            expected *= shape[axis]
        }
        return true
    }

    /// Whether every element is the same one (all strides 0 or size 1): a broadcast scalar.
    package var isBroadcastScalar: Bool {
        shape.indices.allSatisfy { shape[$0] == 1 || strides[$0] == 0 }
    }
}
