import Testing
import DiveCore
import DiveTestSupport

// The finite-difference check of every differentiable op (STYLE #10). Each op's output is
// reduced with a different weight per element, so that a gradient sent to the wrong element
// is caught; kinks are avoided here and tested exactly in each op's own tests. The correct ops
// stay below about 6e-4 with the default step; a gradient 1% off exceeds the tolerance.

let gradientTolerance: Float = 3e-3

@Test(arguments: DifferentiableOp.allCases)
func gradientMatchesFiniteDifferences(_ op: DifferentiableOp) {
    let probes = op.probes
    #expect(!probes.isEmpty)
    for probe in probes {
        let check = checkGradient(of: { weightedSum(probe.function($0)) }, at: probe.inputs)
        #expect(check.maxError < gradientTolerance, "\(op), \(probe): \(check)")
    }
}

@Test func compositesOfOpsMatchFiniteDifferences() {
    let w = Tensor([1, 0, 0, 1, 1, 1], shape: [3, 2])
    let layer = checkGradient(of: { ($0.matmul(w) * $0.sum(alongAxis: 1, keepingDimension: true)).tanh().sum() },
                              at: sample([2, 3], in: -0.5...0.5, seed: 200))
    #expect(layer.maxError < 1e-2, "\(layer)")
    // Cross-entropy as the book writes it: logSumExp of the logits minus the picked logit.
    let crossEntropy = checkGradient(of: { logits in
        (logits.logSumExp(alongAxis: 1) - logits.gathering([2, 0, 1])).mean()
    }, at: sample([3, 4], seed: 201))
    #expect(crossEntropy.maxError < 1e-2, "\(crossEntropy)")
    let mlp = checkGradient(of: { p in
        let hidden = (sample([4, 3], seed: 202).matmul(p[0].T) + p[1]).relu()
        return (hidden.matmul(p[2]) - 1).squared().mean()
    }, at: [sample([5, 3], seed: 203), sample([5], seed: 204), sample([5, 2], seed: 205)])
    #expect(mlp.maxError < 2e-2, "\(mlp)")
}
