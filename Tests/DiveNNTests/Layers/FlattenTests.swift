import DiveCore
import DiveNN
import Testing

@Test func flattenKeepsTheBatchAxis() {
    let x = Tensor.arange(to: 24).reshaped(2, 1, 3, 4)
    let y = Flatten()(x)
    #expect(y.shape == [2, 12])
    #expect(y.scalars == x.scalars)
    #expect(Flatten(startAxis: 0)(x).shape == [24])
    #expect(Flatten(startAxis: 1, endAxis: 2)(x).shape == [2, 3, 4])
    #expect("\(Flatten())" == "Flatten()")
    #expect("\(Flatten(startAxis: 0))" == "Flatten(startAxis: 0, endAxis: -1)")
}
