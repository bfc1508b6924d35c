// The affine map of a fully connected layer, `x · Wᵀ + b`, as one primitive, optionally followed
// by ReLU: the bias and the activation are the product's epilogue, so neither costs a pass of
// its own over the output. The composites `x.matmul(weight.transposed()) + bias` and `(…).relu()`
// are the test oracles.

extension Tensor {
    /// `self · weightᵀ + bias` for inputs `[..., in]`, `weight` `[out, in]` and `bias` `[out]`
    /// (PyTorch's `F.linear`). Leading axes of the input are kept: the result is `[..., out]`.
    public func linear(weight: Tensor, bias: Tensor?) -> Tensor {
        affine(weight: weight, bias: bias, relu: false)
    }

    /// `relu(self · weightᵀ + bias)`, as ``linear(weight:bias:)`` followed by ``relu()``, in one
    /// pass. The backward pass masks the gradient with the output itself (ReLU's output is
    /// non-zero exactly where its input is positive), so no mask is kept.
    public func linearReLU(weight: Tensor, bias: Tensor?) -> Tensor {
        affine(weight: weight, bias: bias, relu: true)
    }

    private func affine(weight: Tensor, bias: Tensor?, relu: Bool) -> Tensor {
        guard rank >= 1, weight.rank == 2, shape[rank - 1] == weight.shape[1],
              bias.map({ $0.shape == [weight.shape[0]] }) ?? true else {
            trap(.mismatch(op: relu ? "linearReLU" : "linear", lhs: shape, rhs: weight.shape,
                           expected: "input [..., in], weight [out, in], bias [out]; bias is \(bias?.shape.description ?? "none")"))
        }
        let (inputs, outputs) = (weight.shape[1], weight.shape[0])
        let x = rank == 2 ? self : reshaped([-1, inputs])
        let rows = x.shape[0]
        let result = Storage(uninitializedCount: rows * outputs)
        let w = weight.detached(), input = x.detached()
        Tensor.gemm(input, w.transposed(), into: result, beta: 0,
                    epilogue: GEMMEpilogue(bias: bias?.detached().operand, relu: relu))
        let value = Tensor(shape: [rows, outputs], storage: result)
        let operands = [x, weight] + (bias.map { [$0] } ?? [])
        let y = Tensor.record(value, inputs: operands) { grad, needed in
            let g = relu ? value.binary(.select, grad, name: "linearReLU") : grad
            return [needed[0] ? g.matmul(w) : nil,
                    needed[1] ? g.transposed().matmul(input) : nil,
                    needed.count > 2 && needed[2] ? g.sum(alongAxis: 0) : nil]
        }
        return rank == 2 ? y : y.reshaped(Array(shape.dropLast()) + [outputs])
    }
}
