import DiveCore
import DiveNN
import Testing

@Suite struct ParameterTests {
    @Test func aParameterIsALeafThatCollectsGradients() {
        let parameter = Parameter(Tensor([1, 2, 3]))
        #expect(parameter.shape == [3])
        #expect(parameter.value.requiresGrad && parameter.grad == nil)
        (parameter.value * parameter.value).sum().backward()
        #expect(parameter.grad?.scalars == [2, 4, 6])
        parameter.zeroGrad()
        #expect(parameter.grad == nil)
    }

    @Test func assigningAPlainTensorKeepsItTrainable() {
        let parameter = Parameter(Tensor([1]))
        parameter.value = Tensor([5, 6])
        #expect(parameter.value.requiresGrad && parameter.shape == [2])
    }
}
