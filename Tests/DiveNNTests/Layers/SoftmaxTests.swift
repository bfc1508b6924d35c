import DiveCore
import DiveNN
import Testing
import DiveTestSupport

@Test func softmaxLayerNormalisesTheLastAxisByDefault() {
    let y = Softmax()(Tensor([0, 0, 1000, 0, 0, 0], shape: [3, 2]))
    expectClose(y.scalars, [0.5, 0.5, 1, 0, 0.5, 0.5])
    let columns = Softmax(axis: 0)(Tensor([1, 5, 1, 5], shape: [2, 2]))
    expectClose(columns.scalars, [0.5, 0.5, 0.5, 0.5])
    #expect("\(Softmax())" == "Softmax(axis: -1)")
}
