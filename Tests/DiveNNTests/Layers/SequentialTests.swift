import DiveCore
import DiveNN
import Testing

@Suite struct SequentialTests {
    @Test func appliesLayersInOrder() {
        let first = Linear(inputSize: 2, outputSize: 2)
        first.weight.value = Tensor([1, 0, 0, -1], shape: [2, 2])
        first.bias?.value = Tensor([0, 1])
        let model = Sequential(first, ReLU())
        #expect(model(Tensor([3, 4, -1, -2], shape: [2, 2])).scalars == [3, 0, 0, 3])
        #expect(model.count == 2)
        #expect(model[0] === first)
    }

    @Test func typedAccessGivesTheChildAsItsOwnType() async {
        let linear = Linear(inputSize: 2, outputSize: 3)
        let model = Sequential(Flatten(), linear)
        #expect(model[1, as: Linear.self] === linear)
        #expect(model[1, as: Linear.self].weight.shape == [3, 2])
        await #expect(processExitsWith: .failure) {
            _ = Sequential(ReLU())[0, as: Linear.self]
        }
    }

    @Test func anEmptySequentialIsTheIdentity() {
        let x = Tensor([1, 2, 3])
        #expect(Sequential([])(x).scalars == x.scalars)
    }

    @Test func theBuilderAcceptsConditionsAndLoops() {
        let withDropout = true
        let model = Sequential {
            Flatten()
            for size in [8, 4] {
                withRandomSeed(UInt64(size)) { Linear(inputSize: size * 2, outputSize: size) }
                ReLU()
            }
            if withDropout { Dropout(probability: 0.5) }
            if !withDropout { Tanh() } else { Sigmoid() }
        }
        #expect(model.layers.map { "\(type(of: $0))" } == ["Flatten", "Linear", "ReLU", "Linear", "ReLU", "Dropout", "Sigmoid"])
        #expect(model(Tensor.zeros([3, 16])).shape == [3, 4])
    }

    @Test func describesItselfLikePyTorch() {
        let model = Sequential(Flatten(), Sequential(Linear(inputSize: 4, outputSize: 2), ReLU()))
        #expect("\(model)" == """
            Sequential(
              (0): Flatten()
              (1): Sequential(
                (0): Linear(inputSize: 4, outputSize: 2, bias: true)
                (1): ReLU()
              )
            )
            """)
    }
}
