@testable import DiveCore
import DiveTestSupport

// What the backend agreement test runs beyond the gradient probes: sizes that reach the CPU
// backend's other paths (BLAS, the small-dimension GEMM kernels split across threads, SIMD
// sums), and the operations that have no gradient.

extension DifferentiableOp {
    /// Inputs large enough for the CPU backend's fast paths; empty where size changes no path.
    var largeProbes: [GradientProbe] {
        switch self {
        case .matmul:
            [Self.probe("[64, 300]·[300, 48] on BLAS", [sample([64, 300], seed: 300), sample([300, 48], seed: 301)]) {
                 $0[0].matmul($0[1])
             },
             Self.probe("[512, 256]·[10, 256]ᵀ on the small kernels", [sample([512, 256], seed: 302), sample([10, 256], seed: 303)]) {
                 $0[0].matmul($0[1].T)
             }]
        case .linear:
            [Self.probe("[64, 200] to 96 with bias", [sample([64, 200], seed: 304), sample([96, 200], seed: 305),
                                                      sample([96], seed: 306)]) { $0[0].linear(weight: $0[1], bias: $0[2]) }]
        case .sum, .mean:
            [Self.probe("[100, 130] along 1", [sample([100, 130], seed: 307)]) { $0[0].sum(alongAxis: 1) },
             Self.probe("[100, 130] everything", [sample([100, 130], seed: 308)]) { $0[0].sum() }]
        case .add, .multiply:
            [Self.probe("[300, 200] and [200]", [sample([300, 200], seed: 309), sample([200], seed: 310)]) { $0[0] * $0[1] + $0[1] }]
        case .softmaxCrossEntropy:
            [Self.probe("[256, 10] logits", [sample([256, 10], in: -5...5, seed: 311)]) {
                 $0[0].softmaxCrossEntropy(labels: (0..<256).map { $0 % 10 })
             }]
        default: []
        }
    }
}

/// Operations without a gradient (masks, indices, in-place updates, optimizer steps), each
/// giving its results as one list of numbers.
enum BackendOnlyOp: String, CaseIterable, CustomStringConvertible {
    case comparisons, argmax, oneHot, fill, assign, inPlaceArithmetic, contiguousCopy
    case sgd, sgdWithMomentum, sgdNesterov, adam, adamW

    var description: String { rawValue }

    func run() -> [Float] {
        let x = sample([3, 4], seed: 400), y = sample([4], seed: 401)
        switch self {
        case .comparisons:
            return x.isGreater(than: y).scalars + x.T.isLess(than: 0.2).scalars
                + x.isEqual(to: Tensor([x[0, 0], 1, x[0, 2], 0])).scalars
        case .argmax:
            let z = distinctValues([2, 3, 4], seed: 402)
            return (0..<3).flatMap { z.argmax(alongAxis: $0) }.map(Float.init)
        case .oneHot:
            return Tensor.oneHot([2, 0, 1, 2], classes: 3).scalars
        case .fill:
            var t = x.T
            t.fill(3)
            return t.scalars
        case .assign:
            var t = Tensor.zeros([4, 3])
            t.assign(x.T)
            return t.scalars
        case .inPlaceArithmetic:
            var t = x
            t += y
            t *= 2
            t -= x[rows: 1..<2]
            return t.scalars
        case .contiguousCopy:
            return sample([2, 3, 4], seed: 403).permuted([2, 0, 1]).contiguous().scalars
        case .sgd, .sgdWithMomentum, .sgdNesterov:
            var w = sample([5, 7], seed: 404)
            var buffer: Tensor?
            for step in 0..<3 {
                w.sgdStep(gradient: sample([5, 7], seed: 405 + UInt64(step)), momentumBuffer: &buffer, learningRate: 0.1,
                          momentum: self == .sgd ? 0 : 0.9, nesterov: self == .sgdNesterov, weightDecay: 0.01)
            }
            return w.scalars + (buffer?.scalars ?? [])
        case .adam, .adamW:
            var w = sample([5, 7], seed: 406), mean = Tensor.zeros([5, 7]), squares = Tensor.zeros([5, 7])
            for step in 1...3 {
                w.adamStep(gradient: sample([5, 7], seed: 407 + UInt64(step)).T.T, mean: &mean, squares: &squares,
                           step: step, learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8,
                           weightDecay: 0.01, decoupled: self == .adamW)
            }
            return w.scalars + mean.scalars + squares.scalars
        }
    }
}
