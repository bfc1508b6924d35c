// The affine map of a fully connected layer, `x · Wᵀ + b`, as one primitive: the bias is the
// product's epilogue, so the sum costs no extra pass.
// The composite `x.matmul(weight.transposed()) + bias` is its test oracle.

extension Tensor {
    /// `self · weightᵀ + bias` for inputs `[..., in]`, `weight` `[out, in]` and `bias` `[out]`
    /// (PyTorch's `F.linear`). Leading axes of the input are kept: the result is `[..., out]`.
    public func linear(weight: Tensor, bias: Tensor?) -> Tensor {
        guard rank >= 1, weight.rank == 2, shape[rank - 1] == weight.shape[1],
              bias.map({ $0.shape == [weight.shape[0]] }) ?? true else {
            trap(.mismatch(op: "linear", lhs: shape, rhs: weight.shape,
                           expected: "input [..., in], weight [out, in], bias [out]; bias is \(bias?.shape.description ?? "none")"))
        }
        let (inputs, outputs) = (weight.shape[1], weight.shape[0])
        let x = rank == 2 ? self : reshaped([-1, inputs])
        let rows = x.shape[0]
        let result = Storage(uninitializedCount: rows * outputs)
        let w = weight.detached(), input = x.detached()
        Tensor.gemm(input, w.transposed(), into: result, beta: 0,
                    epilogue: GEMMEpilogue(bias: bias?.detached().operand, relu: false))
        let value = Tensor(shape: [rows, outputs], storage: result)
        let operands = [x, weight] + (bias.map { [$0] } ?? [])
        let y = Tensor.record(value, inputs: operands) { grad, needed in
            [needed[0] ? grad.matmul(w) : nil,
             needed[1] ? grad.transposed().matmul(input) : nil,
             needed.count > 2 && needed[2] ? grad.sum(alongAxis: 0) : nil]
        }
        return rank == 2 ? y : y.reshaped(Array(shape.dropLast()) + [outputs])
    }
}
