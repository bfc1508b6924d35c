/// One recorded operation (or one leaf) of the autograd graph.
///
/// A node knows the nodes of its inputs and a closure that turns the gradient of its output into
/// gradients of its inputs. Leaves (tensors created with `requiresGrad`) have no inputs and
/// accumulate their gradient in `grad`.
final class GradNode: @unchecked Sendable {
    /// Maps the output's gradient, and which inputs need one, to one gradient per input
    /// (nil where not needed).
    typealias Backward = (_ grad: Tensor, _ needed: [Bool]) -> [Tensor?]

    /// The nodes of the inputs, nil for inputs that need no gradient.
    private(set) var inputs: [GradNode?]
    private(set) var backward: Backward?
    /// The accumulated gradient of a leaf.
    var grad: Tensor?
    let isLeaf: Bool

    /// A leaf: a tensor whose gradient the user asked for.
    init() {
        inputs = []
        backward = nil
        isLeaf = true
    }

    init(inputs: [GradNode?], backward: @escaping Backward) {
        self.inputs = inputs
        self.backward = backward
        isLeaf = false
    }

    /// Frees the tensors the backward closure saved, as PyTorch does after a backward pass, so
    /// that memory returns early and optimizers can update parameters in place without copying.
    func release() {
        backward = nil
    }

    // A long chain of nodes (100 000 recorded operations) would be released recursively, one
    // stack frame per node, and overflow the stack. Unlink the chain iteratively instead.
    deinit {
        var pending = inputs.compactMap { $0 }
        inputs = []
        backward = nil
        while var node = pending.popLast() {
            guard isKnownUniquelyReferenced(&node) else { continue }
            pending.append(contentsOf: node.inputs.compactMap { $0 })
            node.inputs = []
            node.backward = nil  // releases captured tensors; their nodes are still held by `pending`
        }
    }
}

/// Whether operations record the autograd graph on the current task or thread.
enum GradMode {
    @TaskLocal static var isEnabled = true
}

/// Runs `body` without recording the autograd graph: results of operations inside need no
/// gradient. Use it for evaluation and for optimizer updates (PyTorch's `torch.no_grad()`).
public func withoutGradients<R>(_ body: () throws -> R) rethrows -> R {
    try GradMode.$isEnabled.withValue(false) { try body() }
}

/// Whether operations currently record the autograd graph (false inside `withoutGradients`).
public var isRecordingGradients: Bool { GradMode.isEnabled }

extension Tensor {
    /// Attaches the backward closure of an operation to its freshly computed `value`, when
    /// recording is on and some input needs a gradient. Otherwise returns `value` unchanged.
    ///
    /// `backward` receives the gradient of `value` and returns one gradient per input, each
    /// with that input's shape (or nil where the input needs none).
    static func record(_ value: Tensor, inputs: [Tensor],
                       backward: @escaping (_ grad: Tensor) -> [Tensor?]) -> Tensor {
        record(value, inputs: inputs) { grad, _ in backward(grad) }
    }

    /// The same as ``record(_:inputs:backward:)``, for operations whose backward can skip the
    /// work of gradients nobody needs (`needed[i]` tells whether input `i` needs one).
    static func record(_ value: Tensor, inputs: [Tensor],
                       backward: @escaping GradNode.Backward) -> Tensor {
        guard GradMode.isEnabled, inputs.contains(where: { $0.node != nil }) else { return value }
        var result = value
        result.node = GradNode(inputs: inputs.map(\.node), backward: backward)
        return result
    }
}
