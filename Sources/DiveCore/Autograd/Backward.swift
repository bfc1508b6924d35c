extension Tensor {
    /// Whether gradients flow to this tensor: true for leaves created with `requiresGrad`
    /// and for results of recorded operations on them.
    ///
    /// Setting it to true makes this tensor a leaf whose gradient `backward()` fills in `grad`;
    /// setting it to false detaches it.
    public var requiresGrad: Bool {
        get { node != nil }
        set {
            if newValue {
                if node == nil { node = GradNode() }
            } else {
                node = nil
            }
        }
    }

    /// Returns this tensor as a leaf that requires a gradient (`x.requiringGrad()` reads like
    /// PyTorch's `x.requires_grad_()`).
    public func requiringGrad() -> Tensor {
        var copy = self
        copy.node = GradNode()
        return copy
    }

    /// The gradient accumulated by `backward()` calls, for a leaf that `requiresGrad`; nil
    /// before the first backward pass, after `zeroGrad()`, and for non-leaves.
    public var grad: Tensor? {
        get { node?.grad }
        nonmutating set { node?.grad = newValue }
    }

    /// Forgets the accumulated gradient (PyTorch's `x.grad.zero_()` / `grad = None`).
    public func zeroGrad() { node?.grad = nil }

    /// The same values, cut from the autograd graph: no gradient flows back through the result.
    public func detached() -> Tensor {
        var copy = self
        copy.node = nil
        return copy
    }

    /// Back-propagates from this scalar, adding `d self / d leaf` to every leaf's `grad`.
    ///
    /// The pass frees the tensors the graph saved (as PyTorch does), so a second backward pass
    /// through the same graph traps unless the first one was asked to keep it with
    /// `retainingGraph: true`. Traps when the tensor has more than one element: use
    /// ``backward(seed:retainingGraph:)`` then.
    public func backward(retainingGraph: Bool = false) {
        guard count == 1 else {
            trap(.invalid(op: "backward",
                          message: "needs a scalar, got shape \(shape); pass a seed gradient with backward(seed:)"))
        }
        backward(seed: Tensor(shape: shape, storage: Storage(repeating: 1, count: 1)), retainingGraph: retainingGraph)
    }

    /// Back-propagates the vector-Jacobian product with `seed` (the book's
    /// `y.backward(torch.ones_like(y))`), adding the result to every leaf's `grad`. The graph is
    /// freed afterwards unless `retainingGraph` is true.
    public func backward(seed: Tensor, retainingGraph: Bool = false) {
        guard seed.shape == shape else {
            trap(.mismatch(op: "backward(seed:)", lhs: shape, rhs: seed.shape, expected: "seed has the output's shape"))
        }
        guard let root = node else {
            trap(.invalid(op: "backward", message: "this tensor does not require a gradient (no input had requiresGrad, or it was made under withoutGradients)"))
        }
        withoutGradients { Self.propagate(from: root, seed: seed.detached(), retainingGraph: retainingGraph) }
    }

    private static func propagate(from root: GradNode, seed: Tensor, retainingGraph: Bool) {
        var gradients: [ObjectIdentifier: Tensor] = [ObjectIdentifier(root): seed]
        for node in topologicalOrder(from: root) {
            guard let grad = gradients.removeValue(forKey: ObjectIdentifier(node)) else { continue }
            if node.isLeaf {
                node.grad = node.grad.map { $0 + grad } ?? grad
                continue
            }
            guard let backward = node.backward else {
                trap(.invalid(op: "backward", message: "trying to go backward through the graph a second time (its saved tensors were freed); pass retainingGraph: true to the first backward call"))
            }
            let needed = node.inputs.map { $0 != nil }
            let inputGrads = backward(grad, needed)
            if !retainingGraph { node.release() }
            for (input, inputGrad) in zip(node.inputs, inputGrads) {
                guard let input, let inputGrad else { continue }
                let key = ObjectIdentifier(input)
                gradients[key] = gradients[key].map { $0 + inputGrad } ?? inputGrad
            }
        }
    }

    /// Nodes reachable from `root`, each before all of its inputs (reverse post-order of an
    /// iterative depth-first search, so that 100 000-node chains need no deep recursion).
    private static func topologicalOrder(from root: GradNode) -> [GradNode] {
        var postOrder: [GradNode] = []
        var visited: Set<ObjectIdentifier> = [ObjectIdentifier(root)]
        var stack: [(node: GradNode, nextInput: Int)] = [(root, 0)]
        while !stack.isEmpty {
            let (node, next) = stack[stack.count - 1]
            if next < node.inputs.count {
                stack[stack.count - 1].nextInput += 1
                if let input = node.inputs[next], visited.insert(ObjectIdentifier(input)).inserted {
                    stack.append((input, 0))
                }
            } else {
                postOrder.append(node)
                stack.removeLast()
            }
        }
        return postOrder.reversed()
    }
}
