import DiveCore
import DiveNN
import Testing
import DiveTestSupport

@Test func tanhLayerMatchesTheHyperbolicTangent() {
    let y = Tanh()(Tensor([0, 1, -1, 20]))
    expectClose(y.scalars, [0, 0.761594, -0.761594, 1])
    #expect(Tanh().parameters.isEmpty)
    #expect("\(Tanh())" == "Tanh()")
}
