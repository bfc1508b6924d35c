import Testing
@testable import DiveCore
import DiveTestSupport

// The reference backend is the oracle: every op, forward and backward, must give the CPU
// backend's result on it. The op lists are `CaseIterable`, so a new op cannot be left out.

/// How far the two backends may differ: relative to the value (absolute below 1). They differ
/// only by rounding: summation order (SIMD lanes, BLAS blocking) and `√v/c` against `√v·(1/c)`.
let backendTolerance: Float = 1e-4

/// An op's result and the gradient of each input, computed on `backend`.
private func evaluate(_ probe: GradientProbe, on backend: any Backend) -> (shape: [Int], value: [Float], gradients: [[Float]]) {
    withBackend(backend) {
        let inputs = probe.inputs.map { $0.detached().requiringGrad() }
        let y = probe.function(inputs)
        weightedSum(y).backward()
        return (y.shape, y.scalars, inputs.map { $0.grad?.scalars ?? [] })
    }
}

@Test(arguments: DifferentiableOp.allCases)
func differentiableOpAgreesWithTheReferenceBackend(_ op: DifferentiableOp) {
    for probe in op.probes + op.largeProbes {
        let cpu = evaluate(probe, on: Backends.cpu)
        let reference = evaluate(probe, on: Backends.reference)
        #expect(cpu.shape == reference.shape, "\(op), \(probe)")
        expectClose(cpu.value, reference.value, tolerance: backendTolerance)
        #expect(cpu.gradients.count == reference.gradients.count)
        for (c, r) in zip(cpu.gradients, reference.gradients) { expectClose(c, r, tolerance: backendTolerance) }
    }
}

@Test(arguments: BackendOnlyOp.allCases)
func operationWithoutGradientAgreesWithTheReferenceBackend(_ op: BackendOnlyOp) {
    let cpu = withBackend(Backends.cpu) { op.run() }
    let reference = withBackend(Backends.reference) { op.run() }
    #expect(cpu.count == reference.count, "\(op)")
    expectClose(cpu, reference, tolerance: backendTolerance)
}

@Test func withBackendSelectsTheBackendForItsScopeOnly() {
    #expect(Backends.current.name == "cpu")
    withBackend(Backends.reference) {
        #expect(Backends.current.name == "reference")
        withBackend(Backends.cpu) { #expect(Backends.current.name == "cpu") }
        #expect(Backends.current.name == "reference")
    }
    #expect(Backends.current.name == "cpu")
}

// MARK: - Each primitive's enum, case by case, on strided and broadcast operands

/// The elements `body` writes into a fresh storage of `count` floats on `backend`.
private func primitiveResult(count: Int, on backend: any Backend, _ body: (any Backend, Storage) -> Void) -> [Float] {
    let output = Storage(uninitializedCount: count)
    body(backend, output)
    return output.withHostPointer { Array(UnsafeBufferPointer(start: $0, count: count)) }
}

@Test(arguments: UnaryOp.allCases)
func unaryPrimitiveAgreesWithTheReferenceBackend(_ op: UnaryOp) {
    // Positive, so that log and sqrt are defined; transposed, so that the strided path runs.
    let x = sample([5, 4], in: 0.2...3, seed: 500).T
    let results = [Backends.cpu, Backends.reference].map { backend in
        primitiveResult(count: x.count, on: backend) { $0.unary(op, x.operand, into: $1) }
    }
    expectClose(results[0], results[1], tolerance: backendTolerance)
}

@Test(arguments: BinaryOp.allCases)
func binaryPrimitiveAgreesWithTheReferenceBackend(_ op: BinaryOp) {
    // Signed, with exact zeros (for select and the comparisons) and zeros shared with `b` (for
    // isEqual); positive for power, whose negative bases give NaN; no zero divisor.
    let raw = sample([4, 5], in: op == .power ? 0.5...2 : -2...2, seed: 501)
    let a = (op == .power ? raw : raw * raw.abs().isGreater(than: 0.5)).T
    // `b` is a column, [5, 1], stretched along the second axis of the [5, 4] result.
    let b = op == .power ? sample([5, 1], in: 0.5...2, seed: 502)
        : Tensor([op == .divide ? 0.5 : 0, 1.5, -0.7, 0.9, -1.2], shape: [5, 1])
    let shape = [5, 4]
    let results = [Backends.cpu, Backends.reference].map { backend in
        primitiveResult(count: 20, on: backend) {
            $0.binary(op, a.broadcastOperand(to: shape), b.broadcastOperand(to: shape), into: $1)
        }
    }
    expectClose(results[0], results[1], tolerance: backendTolerance)
}

@Test(arguments: ReduceOp.allCases)
func reducePrimitiveAgreesWithTheReferenceBackend(_ op: ReduceOp) {
    let x = sample([3, 4, 5], seed: 503).permuted([2, 0, 1])
    for axis in 0..<3 {
        let results = [Backends.cpu, Backends.reference].map { backend in
            let reduced = backend.reduce(op, x.operand, axis: axis)
            return reduced.withHostPointer { Array(UnsafeBufferPointer(start: $0, count: reduced.count)) }
        }
        expectClose(results[0], results[1], tolerance: backendTolerance)
    }
}

// MARK: - A whole training step

/// Three Adam steps of a 20-16-5 MLP (linear, ReLU, linear, softmax-cross-entropy) on `backend`:
/// the losses, then every weight afterwards.
private func trainingSteps(on backend: any Backend) -> [Float] {
    withBackend(backend) {
        var parameters = [sample([16, 20], in: -0.3...0.3, seed: 600), sample([16], seed: 601),
                          sample([5, 16], in: -0.3...0.3, seed: 602), sample([5], seed: 603)]
        var means = parameters.map { $0.zerosLike() }, squares = parameters.map { $0.zerosLike() }
        var losses: [Float] = []
        for step in 1...3 {
            let p = parameters.map { $0.requiringGrad() }
            let x = sample([8, 20], seed: 610 + UInt64(step)), labels = (0..<8).map { ($0 + step) % 5 }
            let loss = x.linear(weight: p[0], bias: p[1]).relu().linear(weight: p[2], bias: p[3])
                .softmaxCrossEntropy(labels: labels).mean()
            loss.backward()
            losses.append(loss.item())
            withoutGradients {
                for i in parameters.indices {
                    parameters[i].adamStep(gradient: p[i].grad!, mean: &means[i], squares: &squares[i], step: step,
                                           learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8)
                }
            }
        }
        return losses + parameters.flatMap(\.scalars)
    }
}

@Test func trainingStepsAgreeWithTheReferenceBackend() {
    expectClose(trainingSteps(on: Backends.cpu), trainingSteps(on: Backends.reference), tolerance: backendTolerance)
}
