import DiveCore
import DiveNN
import DiveOptim
import Testing
import DiveTestSupport

@Suite struct AdamTests {
    /// The first three steps worked by hand for w = 1, gradients 0.5, -1, 2, learning rate 0.1:
    ///
    /// step 1: m = 0.05,    v = 0.00025,      m̂ = 0.05/0.1 = 0.5,       v̂ = 0.25,        w = 1 - 0.1·0.5/0.5 = 0.9
    /// step 2: m = -0.055,  v = 0.00124975,   m̂ = -0.055/0.19,          v̂ = 0.00124975/0.001999, w = 0.9366104
    /// step 3: m = 0.1505,  v = 0.0052485003, m̂ = 0.1505/0.271,         v̂ = 0.0052485003/0.002997001, w = 0.8946448
    @Test func theFirstThreeStepsByHand() {
        let w = Parameter(Tensor([1]))
        let adam = Adam(parameters: [w], learningRate: 0.1)
        let expected: [(gradient: Float, weight: Float, mean: Float, squares: Float)] = [
            (0.5, 0.9, 0.05, 0.00025), (-1, 0.9366104, -0.055, 0.00124975), (2, 0.8946448, 0.1505, 0.0052485003),
        ]
        for (step, (gradient, weight, mean, squares)) in expected.enumerated() {
            setGradient(w, [gradient])
            adam.step()
            expectClose(w.value.scalars, [weight], tolerance: 2e-6)
            expectClose(adam.state["0.exp_avg"]!.scalars, [mean], tolerance: 1e-7)
            expectClose(adam.state["0.exp_avg_sq"]!.scalars, [squares], tolerance: 1e-7)
            #expect(adam.state["0.step"]!.item() == Float(step + 1))
        }
    }

    @Test func coupledWeightDecayIsAddedToTheGradient() {
        // g = 0.5 + 0.1·1 = 0.6; the first Adam step moves by the learning rate whatever g is.
        let w = Parameter(Tensor([1]))
        let adam = Adam(parameters: [w], learningRate: 0.1, weightDecay: 0.1)
        setGradient(w, [0.5])
        adam.step()
        expectClose(w.value.scalars, [0.9])
        expectClose(adam.state["0.exp_avg"]!.scalars, [0.06])
    }

    @Test func adamWShrinksTheWeightsBeforeTheStep() {
        // w = 1·(1 - 0.1·0.1) = 0.99, then the Adam step on the undecayed gradient: 0.99 - 0.1 = 0.89.
        let w = Parameter(Tensor([1]))
        let adamW = AdamW(parameters: [w], learningRate: 0.1, weightDecay: 0.1)
        setGradient(w, [0.5])
        adamW.step()
        expectClose(w.value.scalars, [0.89])
        expectClose(adamW.state["0.exp_avg"]!.scalars, [0.05])
        #expect(adamW.decoupled && AdamW(parameters: []).weightDecay == 0.01)
    }

    @Test func stepsAreCountedPerParameter() {
        let (a, b) = (Parameter(Tensor([1])), Parameter(Tensor([1])))
        let adam = Adam(parameters: [a, b])
        setGradient(a, [1])
        adam.step()
        setGradient(b, [1])
        adam.step()
        #expect(adam.state["0.step"]!.item() == 2 && adam.state["1.step"]!.item() == 1)
    }

    @Test func betasOutsideTheUnitIntervalTrap() async {
        await #expect(processExitsWith: .failure) { _ = Adam(parameters: [], beta1: 1) }
    }
}
