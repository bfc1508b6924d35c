import Foundation
import Testing
import _DiveKernels
@testable import DiveCore
import DiveTestSupport

/// The fused optimizer kernels against the same updates written with tensor ops.
struct OptimizerKernelsTests {
    let weights = Tensor.uniform([3, 5], in: -1...1, seed: 1)
    let gradients = [Tensor.uniform([3, 5], in: -1...1, seed: 2), Tensor.uniform([3, 5], in: -1...1, seed: 3),
                     Tensor.uniform([3, 5], in: -1...1, seed: 4)]

    @Test(arguments: [(Float(0), false, Float(0)), (0.9, false, 0), (0.9, true, 0.01), (0, false, 0.1)])
    func sgdStepMatchesTheComposite(momentum: Float, nesterov: Bool, weightDecay: Float) {
        var fused = weights, buffer: Tensor? = nil
        var composite = weights, compositeBuffer: Tensor? = nil
        for g in gradients {
            fused.sgdStep(gradient: g, momentumBuffer: &buffer, learningRate: 0.1, momentum: momentum,
                          nesterov: nesterov, weightDecay: weightDecay)
            var d = g + weightDecay * composite
            if momentum != 0 {
                let b = compositeBuffer.map { momentum * $0 + d } ?? d
                compositeBuffer = b
                d = nesterov ? d + momentum * b : b
            }
            composite = composite - 0.1 * d
        }
        expectClose(fused.scalars, composite.scalars)
        #expect((buffer == nil) == (momentum == 0))
    }

    @Test(arguments: [(Float(0), false), (0.1, false), (0.1, true)])
    func adamStepMatchesTheComposite(weightDecay: Float, decoupled: Bool) {
        let (lr, b1, b2, eps): (Float, Float, Float, Float) = (0.01, 0.9, 0.999, 1e-8)
        var fused = weights, mean = weights.zerosLike(), squares = weights.zerosLike()
        var composite = weights, m = weights.zerosLike(), v = weights.zerosLike()
        for (t, gradient) in gradients.enumerated() {
            let step = t + 1
            fused.adamStep(gradient: gradient, mean: &mean, squares: &squares, step: step, learningRate: lr,
                           beta1: b1, beta2: b2, epsilon: eps, weightDecay: weightDecay, decoupled: decoupled)
            var g = gradient
            if decoupled { composite = composite * (1 - lr * weightDecay) } else { g = g + weightDecay * composite }
            m = b1 * m + (1 - b1) * g
            v = b2 * v + (1 - b2) * g * g
            let c1 = 1 - Foundation.pow(b1, Float(step)), c2 = 1 - Foundation.pow(b2, Float(step))
            composite = composite - (lr / c1) * m / (v.sqrt() / c2.squareRoot() + eps)
        }
        expectClose(fused.scalars, composite.scalars)
        expectClose(mean.scalars, m.scalars)
        expectClose(squares.scalars, v.scalars)
    }

    /// The loops as this processor runs them (AVX2 where it has it) and as the baseline build runs
    /// them give the same bits, tails after the last full vector included.
    @Test func vectorAndPortableBuildsAgreeBitForBit() {
        let n = 1003
        let start = Tensor.uniform([n], in: -1...1, seed: 5).scalars
        let gradient = Tensor.uniform([n], in: -1...1, seed: 6).scalars
        func adam(_ step: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>,
                           UnsafePointer<Float>) -> Void) -> [[Float]] {
            var w = start, m = [Float](repeating: 0.1, count: n), v = [Float](repeating: 0.2, count: n)
            for _ in 0..<3 { step(&w, &m, &v, gradient) }
            return [w, m, v]
        }
        let vector = adam { dive_adam_step($0, $1, $2, $3, n, 0.9, 0.999, 0.01, 0.3, 1e-8, 0.1, 1) }
        let portable = adam { dive_adam_step_portable($0, $1, $2, $3, n, 0.9, 0.999, 0.01, 0.3, 1e-8, 0.1, 1) }
        #expect(vector == portable)

        func sgd(_ step: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, UnsafePointer<Float>, Int32) -> Void)
            -> [[Float]] {
            var w = start, b = [Float](repeating: 0, count: n)
            for first in [Int32(1), 0, 0] { step(&w, &b, gradient, first) }
            return [w, b]
        }
        #expect(sgd { dive_sgd_step($0, $1, $2, n, 0.1, 0.9, 1, 0.01, $3) }
                == sgd { dive_sgd_step_portable($0, $1, $2, n, 0.1, 0.9, 1, 0.01, $3) })
    }

    @Test func stepsWriteUnsharedStorageInPlace() {
        var w = weights.contiguous()
        w.makeUniqueContiguous()
        let before = w.storage.withHostPointer { UnsafeRawPointer($0) }
        var buffer: Tensor? = nil
        w.sgdStep(gradient: gradients[0], momentumBuffer: &buffer, learningRate: 0.1)
        #expect(w.storage.withHostPointer { UnsafeRawPointer($0) } == before)
    }

    @Test func stepsLeaveCopiesOfTheTensorUnchanged() {
        var w = weights
        let copy = w
        var buffer: Tensor? = nil
        w.sgdStep(gradient: gradients[0], momentumBuffer: &buffer, learningRate: 0.1)
        #expect(copy.scalars == weights.scalars)
        #expect(w.scalars != weights.scalars)
    }

    @Test func mismatchedGradientTraps() async {
        await #expect(processExitsWith: .failure) {
            var w = Tensor.zeros([2, 2])
            var buffer: Tensor? = nil
            w.sgdStep(gradient: Tensor.zeros([4]), momentumBuffer: &buffer, learningRate: 0.1)
        }
    }
}
