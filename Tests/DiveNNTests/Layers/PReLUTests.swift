import DiveCore
import DiveNN
import Testing
import DiveTestSupport

@Suite struct PReLUTests {
    @Test func scalesNegativesByTheLearnableSlope() {
        let prelu = PReLU()
        #expect(prelu.weight.value.scalars == [0.25])
        #expect(prelu(Tensor([-4, -1, 0, 2])).scalars == [-1, -0.25, 0, 2])
        #expect(PReLU(initialSlope: 0.5)(Tensor([-4])).scalars == [-2])
    }

    @Test func itsSlopeIsNamedWeightWithShapeOne() {
        let names = PReLU().namedParameters
        #expect(names.map(\.name) == ["weight"])
        #expect(names[0].parameter.shape == [1])
    }

    @Test func theGradientAtZeroIsTheSlopeAsInPyTorch() {
        let prelu = PReLU(initialSlope: 0.3)
        let x = Tensor([-1, 0, 2]).requiringGrad()
        prelu(x).sum().backward()
        expectClose(x.grad!.scalars, [0.3, 0.3, 1])
        // d/da of a·x over the non-positive inputs: -1 + 0.
        expectClose(prelu.weight.grad!.scalars, [-1])
    }
}
