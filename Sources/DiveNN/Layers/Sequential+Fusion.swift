import DiveCore

extension Sequential {
    /// Applies the layers in order, running a `Linear` directly followed by a `ReLU` as one fused
    /// `linearReLU` (bias and activation in the product's output pass, no ReLU mask kept). The
    /// result is that of the two layers one after the other, up to float rounding.
    func applyFusingLinearReLU(_ input: Tensor) -> Tensor {
        var x = input
        var index = 0
        while index < layers.count {
            if let linear = layers[index] as? Linear, index + 1 < layers.count, layers[index + 1] is ReLU,
               x.rank >= 2, x.shape.last == linear.inputSize {
                x = x.linearReLU(weight: linear.weight.value, bias: linear.bias?.value)
                index += 2
            } else {
                // Anything else, including a Linear given the wrong input, which traps with its message.
                x = layers[index](x)
                index += 1
            }
        }
        return x
    }
}
