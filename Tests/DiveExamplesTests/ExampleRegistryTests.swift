import DiveExamples
import Testing

@Suite struct ExampleRegistryTests {
    @Test func listsTheFourteenExamplesInTheBooksOrder() {
        #expect(Examples.names == [
            "linear-regression-scratch", "linear-regression", "softmax-regression-scratch", "softmax-regression",
            "activations", "mlp-scratch", "mlp", "model-selection", "weight-decay", "dropout-scratch", "dropout",
            "numerical-stability", "xor", "keras-mnist",
        ])
    }

    @Test func everyExampleDescribesItselfOnOneLine() {
        for example in Examples.all {
            #expect(!example.summary.isEmpty && !example.summary.contains("\n"), "\(example.name)")
            #expect(!example.bookSection.isEmpty, "\(example.name)")
        }
    }

    @Test func findsExamplesByName() {
        #expect(Examples.named("xor")?.defaultHiddenUnits == 2)
        #expect(Examples.named("mlp")?.usesImageData == true)
        #expect(Examples.named("activations")?.defaultEpochs == nil)
        #expect(Examples.named("no-such-example") == nil)
    }
}
