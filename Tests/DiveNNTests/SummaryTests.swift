import DiveCore
import DiveNN
import Testing

@Suite struct SummaryTests {
    @Test func listsEachLayerWithItsOutputShapeAndParameterCount() {
        let model = Sequential(Flatten(), Linear(inputSize: 784, outputSize: 256), ReLU(),
                               Dropout(probability: 0.5), Linear(inputSize: 256, outputSize: 10))
        let text = summary(of: model, inputShape: [1, 1, 28, 28])
        #expect(text == """
            Name   Layer                                                 Output shape   Parameters
            ──────────────────────────────────────────────────────────────────────────────────────
            0      Flatten()                                             [1, 784]                0
            1      Linear(inputSize: 784, outputSize: 256, bias: true)   [1, 256]          200,960
            2      ReLU()                                                [1, 256]                0
            3      Dropout(probability: 0.5)                             [1, 256]                0
            4      Linear(inputSize: 256, outputSize: 10, bias: true)    [1, 10]             2,570
            ──────────────────────────────────────────────────────────────────────────────────────
            Total parameters: 203,530
            """)
    }

    @Test func nestedSequentialsGetDottedNames() {
        let model = Sequential(Sequential(Linear(inputSize: 3, outputSize: 2, bias: false), Tanh()), Softmax())
        let rows = summary(of: model, inputShape: [4, 3]).split(separator: "\n").map(String.init)
        #expect(rows[2].hasPrefix("0.0    Linear(inputSize: 3, outputSize: 2, bias: false)   [4, 2]"))
        #expect(rows[2].hasSuffix(" 6"))
        #expect(rows[3].hasPrefix("0.1    Tanh()"))
        #expect(rows[4].hasPrefix("1      Softmax(axis: -1)"))
        #expect(rows.last == "Total parameters: 6")
    }

    @Test func aCustomLayerIsFollowedByItsSublayersIndented() {
        let rows = summary(of: Sequential(Flatten(), Block()), inputShape: [5, 4]).split(separator: "\n").map(String.init)
        #expect(rows.count == 9)
        #expect(rows[2].hasPrefix("0       Flatten()") && rows[2].contains("[5, 4]"))
        #expect(rows[3].hasPrefix("1       Block ") && rows[3].contains("[5, 2]") && rows[3].hasSuffix(" 23"))
        #expect(rows[4].hasPrefix("1.fc1     Linear(inputSize: 4, outputSize: 3, bias: true)") && rows[4].hasSuffix(" 15"))
        #expect(rows[5].hasPrefix("1.act     ReLU() ") && rows[5].hasSuffix(" 0"))
        #expect(rows[6].hasPrefix("1.fc2     Linear(inputSize: 3, outputSize: 2, bias: true)") && rows[6].hasSuffix(" 8"))
        #expect(rows[4...6].allSatisfy { $0.contains(" – ") }, "no output shape inside a custom forward pass")
        #expect(rows.last == "Total parameters: 23")
    }

    @Test func leavesModesAndDropoutMasksUntouched() {
        let dropout = Dropout(probability: 0.5, generator: RandomGenerator(seed: 3))
        let model = Sequential(dropout)
        let untouched = Dropout(probability: 0.5, generator: RandomGenerator(seed: 3))
        _ = summary(of: model, inputShape: [2, 5])
        #expect(dropout.isTraining)
        #expect(dropout.generator == untouched.generator)
    }
}

/// A custom layer with three sublayers of its own.
private final class Block: Layer {
    let fc1 = Linear(inputSize: 4, outputSize: 3)
    let act = ReLU()
    let fc2 = Linear(inputSize: 3, outputSize: 2)
    func callAsFunction(_ input: Tensor) -> Tensor { fc2(act(fc1(input))) }
}
