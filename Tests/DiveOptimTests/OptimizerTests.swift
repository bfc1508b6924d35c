@testable import DiveCore
import DiveNN
import DiveOptim
import Testing

/// An optimizer that keeps no state, relying on the protocol's defaults.
private final class Halving: Optimizer {
    let parameters: [Parameter]
    var learningRate: Float = 0.5
    init(_ parameters: [Parameter]) { self.parameters = parameters }
    func step() { withoutGradients { parameters.forEach { $0.value *= learningRate } } }
}

@Suite struct OptimizerStateTests {
    /// Two identical parameters, one optimizer for each, the same gradients.
    func twins(_ make: ([Parameter]) -> any Optimizer) -> (any Optimizer, any Optimizer, [Parameter], [Parameter]) {
        let first = [Parameter(Tensor([1, -2])), Parameter(Tensor([0.5]))]
        let second = first.map { Parameter($0.value) }
        return (make(first), make(second), first, second)
    }

    func feed(_ parameters: [Parameter], _ step: Int) {
        setGradient(parameters[0], [Float(step), 1])
        setGradient(parameters[1], [-Float(step)])
    }

    @Test(arguments: ["sgd", "adam", "adamw"])
    func savedStateResumesExactly(_ kind: String) throws {
        let make: ([Parameter]) -> any Optimizer = { parameters in
            switch kind {
            case "sgd": SGD(parameters: parameters, learningRate: 0.1, momentum: 0.9, nesterov: true)
            case "adam": Adam(parameters: parameters, learningRate: 0.1)
            default: AdamW(parameters: parameters, learningRate: 0.1)
            }
        }
        let (original, resumed, a, b) = twins(make)
        for step in 1...2 { feed(a, step); original.step(); feed(b, step); resumed.step() }
        // A fresh optimizer over the same values, loaded from the first one's state.
        let restored = make(b)
        try restored.loadState(original.state)
        #expect(restored.state.keys.sorted() == original.state.keys.sorted())
        feed(a, 3); original.step()
        feed(b, 3); restored.step()
        for (x, y) in zip(a, b) { #expect(x.value.scalars == y.value.scalars) }
    }

    @Test func badStatesThrowMessagesNamingTheKey() {
        let sgd = SGD(parameters: [Parameter(Tensor([1, 2]))], learningRate: 0.1, momentum: 0.9)
        #expect(throws: OptimizerStateError.shapeMismatch(key: "0.momentum_buffer", expected: [2], found: [3])) {
            try sgd.loadState(["0.momentum_buffer": Tensor([1, 2, 3])])
        }
        for key in ["1.momentum_buffer", "0.exp_avg", "momentum_buffer", "x.momentum_buffer"] {
            #expect(throws: OptimizerStateError.self) { try sgd.loadState([key: Tensor([1, 2])]) }
        }
        let adam = Adam(parameters: [Parameter(Tensor([1]))])
        #expect(throws: OptimizerStateError.incomplete(parameter: 0, missing: "exp_avg_sq")) {
            try adam.loadState(["0.step": Tensor(1), "0.exp_avg": Tensor([1])])
        }
        let error = OptimizerStateError.unexpectedKey("0.exp_avg", expected: "momentum buffers")
        #expect(error.description.contains("\"0.exp_avg\""))
    }

    @Test func aStatelessOptimizerHasAnEmptyStateAndRefusesAnyOther() throws {
        let halving = Halving([Parameter(Tensor([4]))])
        halving.step()
        #expect(halving.parameters[0].value.scalars == [2])
        #expect(halving.state.isEmpty)
        try halving.loadState([:])
        #expect(throws: OptimizerStateError.self) { try halving.loadState(["0.momentum_buffer": Tensor([1])]) }
    }
}

/// Optimizer steps write each parameter's storage in place once the graph is freed, rather than
/// copying the weights every step.
@Test(arguments: ["sgd", "adam"])
func optimizerStepsUpdateParametersWithoutCopying(_ kind: String) {
    let parameter = Parameter(Tensor.ones([4, 3]))
    let optimizer: any Optimizer = kind == "sgd"
        ? SGD(parameters: [parameter], learningRate: 0.1, momentum: 0.9)
        : Adam(parameters: [parameter])
    for _ in 0..<2 {
        (parameter.value * 2).sum().backward()
        let before = parameter.value.storage.withHostPointer { UnsafeRawPointer($0) }
        optimizer.step()
        optimizer.zeroGrad()
        #expect(parameter.value.storage.withHostPointer { UnsafeRawPointer($0) } == before)
    }
}
