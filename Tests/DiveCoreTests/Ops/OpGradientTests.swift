import Testing
import DiveCore

// The finite-difference check of every differentiable op (STYLE #10). Each op's output is
// reduced with a different weight per element, so that a gradient sent to the wrong element
// is caught; kinks are avoided here and tested exactly in each op's own tests.

@Test(arguments: DifferentiableOp.allCases)
func gradientMatchesFiniteDifferences(_ op: DifferentiableOp) {
    let probes = op.probes
    #expect(!probes.isEmpty)
    for probe in probes {
        let check = checkGradient(of: { weightedSum(probe.function($0)) }, at: probe.inputs)
        #expect(check.maxError < 1e-2, "\(op), \(probe): \(check)")
    }
}
