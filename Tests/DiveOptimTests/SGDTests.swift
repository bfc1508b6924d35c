import DiveCore
import DiveNN
import DiveOptim
import Testing
import DiveTestSupport

@Suite struct SGDTests {
    @Test func plainStepIsWeightMinusLearningRateTimesGradient() {
        let w = Parameter(Tensor([1, 2]))
        setGradient(w, [0.5, -1])
        SGD(parameters: [w], learningRate: 0.1).step()
        expectClose(w.value.scalars, [0.95, 2.1])
    }

    @Test func momentumStartsItsBufferAtTheFirstGradient() {
        let w = Parameter(Tensor([1]))
        let sgd = SGD(parameters: [w], learningRate: 0.1, momentum: 0.9)
        setGradient(w, [1])
        sgd.step()                      // b = 1, w = 1 - 0.1·1 = 0.9
        expectClose(w.value.scalars, [0.9])
        setGradient(w, [2])
        sgd.step()                      // b = 0.9·1 + 2 = 2.9, w = 0.9 - 0.29 = 0.61
        expectClose(w.value.scalars, [0.61])
        setGradient(w, [-1])
        sgd.step()                      // b = 0.9·2.9 - 1 = 1.61, w = 0.61 - 0.161 = 0.449
        expectClose(w.value.scalars, [0.449])
        expectClose(sgd.state["0.momentum_buffer"]!.scalars, [1.61])
    }

    @Test func nesterovLooksAhead() {
        let w = Parameter(Tensor([1]))
        let sgd = SGD(parameters: [w], learningRate: 0.1, momentum: 0.9, nesterov: true)
        setGradient(w, [1])
        sgd.step()                      // b = 1, d = 1 + 0.9·1 = 1.9, w = 1 - 0.19 = 0.81
        expectClose(w.value.scalars, [0.81])
        setGradient(w, [2])
        sgd.step()                      // b = 2.9, d = 2 + 0.9·2.9 = 4.61, w = 0.81 - 0.461 = 0.349
        expectClose(w.value.scalars, [0.349])
    }

    @Test func weightDecayIsAddedToTheGradientBeforeMomentum() {
        let w = Parameter(Tensor([2]))
        let sgd = SGD(parameters: [w], learningRate: 0.1, momentum: 0.5, weightDecay: 0.1)
        setGradient(w, [1])
        sgd.step()                      // d = 1 + 0.2 = 1.2, b = 1.2, w = 2 - 0.12 = 1.88
        expectClose(w.value.scalars, [1.88])
        setGradient(w, [1])
        sgd.step()                      // d = 1 + 0.188 = 1.188, b = 0.6 + 1.188 = 1.788, w = 1.88 - 0.1788
        expectClose(w.value.scalars, [1.7012])
    }

    @Test func parametersWithoutGradientsAreLeftAlone() {
        let (a, b) = (Parameter(Tensor([1])), Parameter(Tensor([1])))
        setGradient(a, [1])
        let sgd = SGD(parameters: [a, b], learningRate: 1, momentum: 0.9)
        sgd.step()
        #expect(a.value.scalars == [0] && b.value.scalars == [1])
        #expect(sgd.state.keys.sorted() == ["0.momentum_buffer"])
    }

    @Test func zeroGradForgetsEveryGradient() {
        let (a, b) = (Parameter(Tensor([1])), Parameter(Tensor([1, 2])))
        (a.value.sum() + b.value.sum()).backward()
        let sgd = SGD(parameters: [a, b], learningRate: 1)
        sgd.zeroGrad()
        #expect(a.grad == nil && b.grad == nil)
    }

    @Test func theParameterStaysTheLeafTheModelUses() {
        let linear = Linear(inputSize: 2, outputSize: 1)
        let sgd = SGD(parameters: linear.parameters, learningRate: 0.1)
        for _ in 0..<2 {
            sgd.zeroGrad()
            linear(Tensor([1, 2], shape: [1, 2])).sum().backward()
            #expect(linear.weight.grad?.scalars == [1, 2])
            sgd.step()
            #expect(linear.weight.value.requiresGrad)
        }
    }

    @Test func nesterovWithoutMomentumTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = SGD(parameters: [], learningRate: 0.1, nesterov: true)
        }
    }

    /// The book's from-scratch `sgd` (d2l 3.4): `param -= lr * param.grad / batch_size;
    /// param.grad.zero_()`, in a few lines of the public API.
    @Test func theBooksScratchSGDIsAFewLines() {
        func sgd(_ parameters: [Parameter], learningRate: Float, batchSize: Int) {
            withoutGradients {
                for parameter in parameters {
                    parameter.value -= learningRate * parameter.grad! / Float(batchSize)
                    parameter.zeroGrad()
                }
            }
        }
        let w = Parameter(Tensor([1, 2]))
        let b = Parameter(Tensor([0]))
        let x = Tensor([1, 1, 2, 0], shape: [2, 2])
        (x.matmul(w.value.reshaped(2, 1)) + b.value).sum().backward()   // dw = [3, 1], db = [2]
        sgd([w, b], learningRate: 0.1, batchSize: 2)
        expectClose(w.value.scalars, [0.85, 1.95])
        expectClose(b.value.scalars, [-0.1])
        #expect(w.grad == nil && b.grad == nil)
    }
}
