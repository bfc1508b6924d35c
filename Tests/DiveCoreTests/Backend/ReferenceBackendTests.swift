import Testing
@testable import DiveCore

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
    let a = sample([4, 5], in: 0.5...2, seed: 501).T, b = sample([4, 1], in: 0.5...2, seed: 502)
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
