import DiveCore
import DiveNN
import Testing

/// Sets the gradient of `parameter` to `values`, as a backward pass would.
func setGradient(_ parameter: Parameter, _ values: [Float]) {
    parameter.grad = Tensor(values, shape: parameter.shape)
}
