import DiveCore
import DiveNN
import Testing

@Test func reluLayerZeroesNegatives() {
    let x = Tensor([-2, -0.5, 0, 0.5, 3], shape: [1, 5])
    #expect(ReLU()(x).scalars == [0, 0, 0, 0.5, 3])
    #expect(ReLU().parameters.isEmpty)
    #expect("\(ReLU())" == "ReLU()")
}
