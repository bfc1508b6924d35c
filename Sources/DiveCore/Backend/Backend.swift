// The seam between ops and the devices that compute them. Ops check shapes, record autograd and
// describe the work with a primitive named by an enum case; a backend computes it. A backend
// for another device implements this protocol in its own target and touches no op.

/// The primitives every backend implements.
///
/// Results are contiguous storages: fresh ones, or ones the caller passes (`into:`). Operands may be strided and broadcast (stride 0); `binary`'s operands already
/// have the result's shape. Float results may differ between backends by rounding only.
package protocol Backend: Sendable {
    /// The name shown in diagnostics, e.g. `"cpu"`.
    var name: String { get }

    /// Writes `op` of each element of `x`, in row-major order, into the contiguous `output`.
    func unary(_ op: UnaryOp, _ x: Operand, into output: Storage)

    /// Writes `op` of each pair of elements of `a` and `b` (which have the same shape), in
    /// row-major order, into the contiguous `output`. `output` may be `a`'s own contiguous
    /// storage (an in-place update).
    func binary(_ op: BinaryOp, _ a: Operand, _ b: Operand, into output: Storage)

    /// `op` over `axis` of `x`: the result has `x`'s shape with that axis of size 1.
    func reduce(_ op: ReduceOp, _ x: Operand, axis: Int) -> Storage

    /// The index of the largest element along `axis` (the first on ties; NaN counts as largest),
    /// one per position of the other axes, in row-major order.
    func argmax(_ x: Operand, axis: Int) -> [Int]

    /// `C = epilogue(alpha · op(A) · op(B) + beta · C)` on row-major matrices, where `op`
    /// transposes when asked; `A` is `m × k` after `op`, `B` `k × n`, `C` `m × n`.
    func gemm(_ product: GEMMProduct)

    /// Writes the elements of `source` into `destination`, a view of the same shape.
    func copy(_ source: Operand, into destination: Operand)

    /// Writes `value` into every element of `destination`.
    func fill(_ destination: Operand, with value: Float)

    /// The elements at `indices` along `axis` (one index per position of the other axes):
    /// the result has `x`'s shape with that axis of size 1.
    func gather(_ x: Operand, indices: [Int], axis: Int) -> Storage

    /// A zero tensor of `shape` with the elements of `values` placed at `indices` along `axis`:
    /// the inverse of ``gather(_:indices:axis:)``.
    func scatter(_ values: Operand, indices: [Int], axis: Int, into shape: [Int]) -> Storage

    /// For `[rows, classes]` logits: each row's cross-entropy with its label (`[rows]`) and its
    /// softmax (`[rows, classes]`), which the backward pass reuses.
    func softmaxCrossEntropy(_ logits: Operand, labels: [Int]) -> (losses: Storage, probabilities: Storage)

    /// `grad[r] · (probabilities[r] − onehot(labels[r]))`, shape `[rows, classes]`.
    func softmaxCrossEntropyBackward(_ grad: Operand, probabilities: Storage, labels: [Int]) -> Storage

    /// One optimizer update of the contiguous `weights`, in place, with the state it keeps
    /// (SGD: the momentum buffer, if any; Adam: the two moment estimates), also in place.
    func optimizerStep(_ step: OptimizerStep, weights: Storage, gradient: Operand, state: [Storage])
}

/// The backend in use: a task-local value, so that a test (or a tool) can run a scope on another
/// backend while the rest of the program keeps the default.
package enum Backends {
    /// The CPU backend: BLAS and Dive's vectorised kernels.
    package static let cpu: any Backend = CPUBackend()
    /// Plain Swift loops, the tests' oracle.
    package static let reference: any Backend = ReferenceBackend()

    @TaskLocal package static var current: any Backend = cpu
}

/// Runs `body` with every op computed by `backend`, e.g.
/// `withBackend(Backends.reference) { x.exp() }`. Nested calls use the innermost backend.
package func withBackend<R>(_ backend: any Backend, _ body: () throws -> R) rethrows -> R {
    try Backends.$current.withValue(backend, operation: body)
}
