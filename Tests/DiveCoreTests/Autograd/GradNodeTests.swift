import Testing
import DiveCore

@Suite struct GradNodeTests {
    @Test func withoutGradientsRecordsNothing() {
        let x = Tensor([1, 2]).requiringGrad()
        #expect(isRecordingGradients)
        let result = withoutGradients {
            #expect(!isRecordingGradients)
            return (x * 2 + 1).exp().reshaped(1, 2).matmul(Tensor.ones([2, 1])).sum()
        }
        #expect(!result.requiresGrad)
        #expect(isRecordingGradients)
        #expect(x.requiresGrad)
    }

    @Test func withoutGradientsNestsAndRethrows() {
        struct Failure: Error {}
        withoutGradients {
            withoutGradients { #expect(!isRecordingGradients) }
            #expect(!isRecordingGradients)
        }
        #expect(throws: Failure.self) { try withoutGradients { throw Failure() } }
        #expect(isRecordingGradients)
    }

    @Test func operationsOnConstantsRecordNothing() {
        let y = (Tensor([1, 2]) * 3).relu().sum()
        #expect(!y.requiresGrad)
    }

    @Test func longChainIsReleasedWithoutDeepRecursion() {
        let leaf = Tensor([1]).requiringGrad()
        do {
            var chain = leaf
            for _ in 0..<100_000 { chain = (chain + 0).relu() }
            #expect(chain.requiresGrad)
        }  // the chain of 200 000 nodes is released here
        #expect(leaf.requiresGrad)
        (leaf * 2).sum().backward()
        #expect(leaf.grad?.scalars == [2])
    }
}
