import Foundation
import Testing
import DiveCore
import DiveTestSupport

@Suite struct BackwardTests {
    @Test func reusedNodesAccumulateTheirGradients() {
        // b = a + a, c = b · b = 4a², so dc/da = 8a.
        let a = Tensor([1, -2, 3]).requiringGrad()
        let b = a + a
        let c = b * b
        c.sum().backward()
        #expect(a.grad?.scalars == [8, -16, 24])
    }

    @Test func diamondGraph() {
        // y = x² feeds two branches: z = y·3 + exp(y), dz/dx = (3 + e^y)·2x.
        let x = Tensor([0.5, -1]).requiringGrad()
        let y = x * x
        (y * 3 + y.exp()).sum().backward()
        let expected = [0.5, -1].map { (v: Float) in (3 + Foundation.exp(v * v)) * 2 * v }
        expectClose(x.grad?.scalars ?? [], expected)
    }

    @Test func gradientsAccumulateAcrossBackwardCalls() {
        let x = Tensor([1, 2]).requiringGrad()
        (x * 3).sum().backward()
        (x * x).sum().backward()
        #expect(x.grad?.scalars == [5, 7])
        let loss = (x * 2).sum()
        loss.backward(retainingGraph: true)
        loss.backward()
        #expect(x.grad?.scalars == [9, 11])
    }

    @Test func aSecondBackwardThroughAFreedGraphTraps() async {
        await #expect(processExitsWith: .failure) {
            let w = Tensor([1, 2]).requiringGrad()
            let y = (w * w).sum()
            y.backward()
            y.backward()
        }
    }

    @Test func zeroGradForgetsTheGradient() {
        let x = Tensor([1, 2]).requiringGrad()
        (x * 3).sum().backward()
        x.zeroGrad()
        #expect(x.grad == nil)
        (x * 2).sum().backward()
        #expect(x.grad?.scalars == [2, 2])
    }

    @Test func seedGradientForNonScalarOutputs() {
        // The book's y.backward(torch.ones_like(y)) for y = x·x.
        let x = Tensor([0, 1, 2, 3]).requiringGrad()
        let y = x * x
        y.backward(seed: y.onesLike(), retainingGraph: true)
        #expect(x.grad?.scalars == [0, 2, 4, 6])
        x.zeroGrad()
        y.backward(seed: Tensor([1, 0, 2, -1]))
        #expect(x.grad?.scalars == [0, 0, 8, -6])
    }

    @Test func oneElementOutputsOfAnyRankCanStartBackward() {
        let x = Tensor([2]).requiringGrad()
        (x * x).reshaped(1, 1).backward()
        #expect(x.grad?.scalars == [4])
    }

    @Test func onlyLeavesThatRequireGradGetOne() {
        let x = Tensor([1, 2]).requiringGrad(), constant = Tensor([3, 4])
        let hidden = x * constant
        (hidden * hidden).sum().backward()
        #expect(x.grad?.scalars == [18, 64])
        #expect(constant.grad == nil)
        #expect(hidden.grad == nil)
        #expect(!(constant * 2).requiresGrad)
    }

    @Test func requiresGradSetterMakesOrRemovesALeaf() {
        var x = Tensor([1, 2])
        x.requiresGrad = true
        #expect(x.requiresGrad)
        (x * 5).sum().backward()
        #expect(x.grad?.scalars == [5, 5])
        x.requiresGrad = false
        #expect(!x.requiresGrad && x.grad == nil)
    }

    @Test func detachedCutsTheGraph() {
        let x = Tensor([1, 2, 3]).requiringGrad()
        let d = x.detached()
        #expect(!d.requiresGrad)
        #expect(d.scalars == x.scalars)
        (x * d).sum().backward()  // only the first factor is differentiated
        #expect(x.grad?.scalars == [1, 2, 3])
    }

    @Test func writingAnInputAfterRecordingLeavesTheGraphIntact() {
        let w = Tensor([1, 1]).requiringGrad()
        var x = Tensor([2, 3])
        let loss = (w * x).sum()
        x += 10  // copy-on-write: the recorded graph keeps the old x
        loss.backward()
        #expect(w.grad?.scalars == [2, 3])
        #expect(x.scalars == [12, 13])
    }

    @Test func leafGradientCanBeSetAndRead() {
        let x = Tensor([1, 2]).requiringGrad()
        x.grad = Tensor([5, 6])
        (x * 1).sum().backward()
        #expect(x.grad?.scalars == [6, 7])
    }

    @Test func longChainBackwardNeedsNoDeepRecursion() {
        let leaf = Tensor([1]).requiringGrad()
        var chain = leaf
        for _ in 0..<100_000 { chain = chain * 1.0 }
        chain.sum().backward()
        #expect(leaf.grad?.scalars == [1])
    }

    @Test func backwardOfANonScalarWithoutSeedTraps() async throws {
        let result = try await #require(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let x = Tensor([1, 2]).requiringGrad()
            (x * x).backward()
        }
        let message = String(decoding: result.standardErrorContent, as: UTF8.self)
        #expect(message.contains("backward: needs a scalar, got shape [2]"))
    }

    @Test func seedOfTheWrongShapeTraps() async {
        await #expect(processExitsWith: .failure) {
            let x = Tensor([1, 2]).requiringGrad()
            (x * x).backward(seed: Tensor([1, 1, 1]))
        }
    }

    @Test func backwardWithoutAGraphTraps() async {
        await #expect(processExitsWith: .failure) {
            Tensor([1, 2]).sum().backward()
        }
    }
}
