import DiveCore
import DiveNN
import Testing

@Suite struct SummaryTests {
    @Test func listsEachLayerWithItsOutputShapeAndParameterCount() {
        let model = Sequential(Flatten(), Linear(inputSize: 784, outputSize: 256, seed: 0), ReLU(),
                               Dropout(probability: 0.5), Linear(inputSize: 256, outputSize: 10, seed: 1))
        let text = summary(of: model, inputShape: [1, 1, 28, 28])
        #expect(text == """
            Name   Layer                                     Output shape   Parameters
            ──────────────────────────────────────────────────────────────────────────
            0      Flatten()                                 [1, 784]                0
            1      Linear(inputSize: 784, outputSize: 256)   [1, 256]          200,960
            2      ReLU()                                    [1, 256]                0
            3      Dropout(probability: 0.5)                 [1, 256]                0
            4      Linear(inputSize: 256, outputSize: 10)    [1, 10]             2,570
            ──────────────────────────────────────────────────────────────────────────
            Total parameters: 203,530
            """)
    }

    @Test func nestedSequentialsGetDottedNames() {
        let model = Sequential(Sequential(Linear(inputSize: 3, outputSize: 2, bias: false, seed: 0), Tanh()), Softmax())
        let rows = summary(of: model, inputShape: [4, 3]).split(separator: "\n").map(String.init)
        #expect(rows[2].hasPrefix("0.0    Linear(inputSize: 3, outputSize: 2, bias: false)   [4, 2]"))
        #expect(rows[2].hasSuffix(" 6"))
        #expect(rows[3].hasPrefix("0.1    Tanh()"))
        #expect(rows[4].hasPrefix("1      Softmax(axis: -1)"))
        #expect(rows.last == "Total parameters: 6")
    }

    @Test func leavesModesAndDropoutMasksUntouched() {
        let dropout = Dropout(probability: 0.5, seed: 3)
        let model = Sequential(dropout)
        let untouched = Dropout(probability: 0.5, seed: 3)
        _ = summary(of: model, inputShape: [2, 5])
        #expect(dropout.isTraining)
        #expect(dropout.generator == untouched.generator)
    }
}
