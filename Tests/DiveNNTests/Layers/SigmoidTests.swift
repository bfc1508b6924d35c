import DiveCore
import DiveNN
import Testing
import DiveTestSupport

@Test func sigmoidLayerMatchesTheLogisticFunction() {
    let y = Sigmoid()(Tensor([0, 2, -2, 100, -100]))
    expectClose(y.scalars, [0.5, 0.880797, 0.119203, 1, 0])
    #expect(Sigmoid().parameters.isEmpty)
    #expect("\(Sigmoid())" == "Sigmoid()")
}
