import DiveCore
import DiveTestSupport

// Every differentiable operation of DiveCore, each with the inputs its finite-difference check
// runs on. A new op gets a case here, and `OpGradientTests` checks it.

/// One finite-difference check: a function of some inputs, and where to evaluate it.
struct GradientProbe: CustomStringConvertible {
    let description: String
    let inputs: [Tensor]
    let function: ([Tensor]) -> Tensor
}

/// The differentiable operations, each with probes covering its forms (broadcast operands on
/// either side, every axis, transposed operands).
enum DifferentiableOp: String, CaseIterable, CustomStringConvertible {
    case add, subtract, multiply, divide, negate, powScalar, powTensor, squared
    case exp, log, sqrt, abs, sin, cos
    case relu, sigmoid, tanh
    case maximum, minimum, clamped, `where`
    case sum, mean, max, logSumExp
    case matmul, linear, gathering, softmaxCrossEntropy
    case reshaped, flattened, permuted, transposed, expanded, squeezed, unsqueezed
    case rows, rowIndex, concatenated, stacked, contiguous

    var description: String { rawValue }

    var probes: [GradientProbe] {
        switch self {
        case .add: Self.binary(+, scalarLeft: +, scalarRight: +)
        case .subtract: Self.binary(-, scalarLeft: -, scalarRight: -)
        case .multiply: Self.binary(*, scalarLeft: *, scalarRight: *)
        case .divide: Self.binary(/, scalarLeft: /, scalarRight: /, rhsRange: 0.5...2)
        case .negate: Self.unary { -$0 }
        case .powScalar:
            Self.unary(in: 0.5...2) { $0.pow(2.5) } + Self.unary(in: 0.5...2) { $0.pow(-1.5) }
                + Self.unary { $0.pow(3) } + Self.unary { $0.pow(2) }
        case .powTensor: Self.binary({ $0.pow($1) }, lhsRange: 0.5...2, rhsRange: -1.5...2)
        case .squared: Self.unary { $0.squared() }
        case .exp: Self.unary { $0.exp() }
        case .log: Self.unary(in: 0.3...3) { $0.log() }
        case .sqrt: Self.unary(in: 0.3...3) { $0.sqrt() }
        case .abs: Self.unary(awayFrom: [0]) { $0.abs() }
        case .sin: Self.unary(in: -4...4) { $0.sin() }
        case .cos: Self.unary(in: -4...4) { $0.cos() }
        case .relu: Self.unary(awayFrom: [0]) { $0.relu() }
        case .sigmoid: Self.unary(in: -4...4) { $0.sigmoid() }
        case .tanh: Self.unary(in: -3...3) { $0.tanh() }
        case .maximum: Self.minMax({ $0.maximum($1) }, { $0.maximum($1) })
        case .minimum: Self.minMax({ $0.minimum($1) }, { $0.minimum($1) })
        case .clamped: Self.unary(awayFrom: [-1, 1]) { $0.clamped(to: -1...1) }
        case .where: Self.whereProbes
        case .sum: Self.reductions(over: sample([2, 3, 4], seed: 31), all: { $0.sum() }) {
            $0.sum(alongAxis: $1, keepingDimension: $2)
        }
        case .mean: Self.reductions(over: sample([2, 3, 4], seed: 32), all: { $0.mean() }) {
            $0.mean(alongAxis: $1, keepingDimension: $2)
        }
        case .max: Self.reductions(over: distinctValues([2, 3, 4], seed: 33), all: { $0.max() }) {
            $0.max(alongAxis: $1, keepingDimension: $2)
        }
        case .logSumExp: Self.reductions(over: sample([2, 3, 4], seed: 34), all: nil) {
            $0.logSumExp(alongAxis: $1, keepingDimension: $2)
        }
        case .matmul: Self.matmulProbes
        case .linear:
            [Self.probe("[3, 4] with bias", [sample([3, 4], seed: 108), sample([2, 4], seed: 109), sample([2], seed: 110)]) {
                 $0[0].linear(weight: $0[1], bias: $0[2])
             },
             Self.probe("[2, 3, 4] without bias", [sample([2, 3, 4], seed: 111), sample([2, 4], seed: 112)]) {
                 $0[0].linear(weight: $0[1], bias: nil)
             }]
        case .softmaxCrossEntropy:
            [Self.probe("[3, 4] logits", [sample([3, 4], seed: 113)]) { $0[0].softmaxCrossEntropy(labels: [2, 0, 3]) },
             Self.probe("transposed logits", [sample([4, 3], seed: 114)]) { $0[0].T.softmaxCrossEntropy(labels: [1, 1, 0]) }]
        case .gathering: [Self.probe("[3, 4] at [1, 0, 3]", [sample([3, 4], seed: 40)]) { $0[0].gathering([1, 0, 3]) }]
        case .reshaped:
            [Self.probe("[2, 3, 2] to [3, -1]", [sample([2, 3, 2], seed: 41)]) { $0[0].reshaped([3, -1]) },
             Self.probe("transposed then reshaped", [sample([3, 4], seed: 42)]) { $0[0].transposed().reshaped([2, 6]) },
             Self.probe("to a scalar", [sample([1, 1], seed: 43)]) { $0[0].reshaped([]) }]
        case .flattened:
            [Self.probe("from 1", [sample([2, 3, 2], seed: 44)]) { $0[0].flattened() },
             Self.probe("from 0", [sample([2, 3, 2], seed: 45)]) { $0[0].flattened(from: 0) },
             Self.probe("0 through 1 of a permuted view", [sample([2, 3, 2], seed: 46)]) {
                 $0[0].permuted([2, 1, 0]).flattened(from: 0, through: 1)
             }]
        case .permuted: [Self.probe("[2, 0, 1]", [sample([2, 3, 4], seed: 47)]) { $0[0].permuted([2, 0, 1]) }]
        case .transposed:
            [Self.probe("matrix", [sample([3, 4], seed: 48)]) { $0[0].transposed() },
             Self.probe(".T", [sample([3, 4], seed: 49)]) { $0[0].T },
             Self.probe("rank 3", [sample([2, 3, 4], seed: 50)]) { $0[0].transposed() }]
        case .expanded:
            [Self.probe("[3, 1] to [2, 3, 4]", [sample([3, 1], seed: 51)]) { $0[0].expanded(to: [2, 3, 4]) },
             Self.probe("[4] to [3, 4]", [sample([4], seed: 52)]) { $0[0].expanded(to: [3, 4]) },
             Self.probe("scalar to [2, 2]", [sample([], seed: 53)]) { $0[0].expanded(to: [2, 2]) }]
        case .squeezed:
            [Self.probe("at 1", [sample([2, 1, 3], seed: 54)]) { $0[0].squeezed(at: 1) },
             Self.probe("every size-1 axis", [sample([1, 2, 1, 3], seed: 55)]) { $0[0].squeezed() }]
        case .unsqueezed:
            [Self.probe("at 0", [sample([2, 3], seed: 56)]) { $0[0].unsqueezed(at: 0) },
             Self.probe("at -1", [sample([2, 3], seed: 57)]) { $0[0].unsqueezed(at: -1) }]
        case .rows:
            [Self.probe("rows 1..<3 of [4, 3]", [sample([4, 3], seed: 58)]) { $0[0][rows: 1..<3] },
             Self.probe("rows of a transposed view", [sample([3, 4], seed: 59)]) { $0[0].T[rows: 0..<2] }]
        case .rowIndex: [Self.probe("row 2 of [4, 3]", [sample([4, 3], seed: 60)]) { $0[0][2] }]
        case .concatenated:
            [Self.probe("axis 0", [sample([2, 3], seed: 61), sample([1, 3], seed: 62)]) {
                 Tensor.concatenated($0, alongAxis: 0)
             },
             Self.probe("axis 1, three tensors", [sample([2, 3], seed: 63), sample([2, 2], seed: 64),
                                                   sample([2, 1], seed: 65)]) { Tensor.concatenated($0, alongAxis: 1) },
             Self.probe("axis -1 of transposed views", [sample([3, 2], seed: 66), sample([3, 2], seed: 67)]) {
                 Tensor.concatenated($0.map(\.T), alongAxis: -1)
             }]
        case .stacked:
            [Self.probe("axis 0", [sample([2, 3], seed: 68), sample([2, 3], seed: 69)]) { Tensor.stacked($0) },
             Self.probe("axis 1", [sample([2, 3], seed: 70), sample([2, 3], seed: 71)]) {
                 Tensor.stacked($0, alongAxis: 1)
             },
             Self.probe("axis -1", [sample([2, 3], seed: 72), sample([2, 3], seed: 73)]) {
                 Tensor.stacked($0, alongAxis: -1)
             }]
        case .contiguous:
            [Self.probe("of a transposed view", [sample([3, 4], seed: 74)]) { $0[0].T.contiguous() },
             Self.probe("of an expanded view", [sample([3, 1], seed: 75)]) { $0[0].expanded(to: [3, 2]).contiguous() }]
        }
    }
}

// MARK: - Probe builders

extension DifferentiableOp {
    static func probe(_ name: String, _ inputs: [Tensor], _ function: @escaping ([Tensor]) -> Tensor) -> GradientProbe {
        GradientProbe(description: name, inputs: inputs, function: function)
    }

    /// A unary op on a `[2, 3]` input and on a scalar.
    static func unary(in range: ClosedRange<Float> = -2...2, awayFrom kinks: [Float] = [],
                      _ f: @escaping (Tensor) -> Tensor) -> [GradientProbe] {
        [probe("[2, 3]", [sample([2, 3], in: range, seed: 1, awayFrom: kinks)]) { f($0[0]) },
         probe("scalar", [sample([], in: range, seed: 2, awayFrom: kinks)]) { f($0[0]) }]
    }

    /// A broadcasting binary op with operands of equal shapes, broadcast on either side,
    /// rank-0 tensors on either side, and `Float` operands on either side.
    static func binary(_ f: @escaping (Tensor, Tensor) -> Tensor,
                       scalarLeft: ((Float, Tensor) -> Tensor)? = nil,
                       scalarRight: ((Tensor, Float) -> Tensor)? = nil,
                       lhsRange: ClosedRange<Float> = -2...2,
                       rhsRange: ClosedRange<Float> = -2...2) -> [GradientProbe] {
        let pairs: [([Int], [Int])] = [([2, 3], [2, 3]), ([3, 1], [1, 4]), ([2, 3], [3]), ([3], [2, 3]),
                                       ([2, 1, 3], [4, 1]), ([], [2, 3]), ([2, 3], [])]
        var probes = pairs.enumerated().map { i, pair in
            probe("\(pair.0) and \(pair.1)", [sample(pair.0, in: lhsRange, seed: 10 + UInt64(i)),
                                              sample(pair.1, in: rhsRange, seed: 20 + UInt64(i))]) { f($0[0], $0[1]) }
        }
        if let scalarLeft {
            probes.append(probe("Float and [2, 3]", [sample([2, 3], in: rhsRange, seed: 30)]) {
                scalarLeft(1.5, $0[0])
            })
        }
        if let scalarRight {
            probes.append(probe("[2, 3] and Float", [sample([2, 3], in: lhsRange, seed: 31)]) {
                scalarRight($0[0], 1.5)
            })
        }
        return probes
    }

    /// Elementwise maximum or minimum: tensor operands (broadcast) kept apart from each other,
    /// and a `Float` operand kept apart from the input.
    static func minMax(_ f: @escaping (Tensor, Tensor) -> Tensor,
                       _ scalar: @escaping (Tensor, Float) -> Tensor) -> [GradientProbe] {
        let columns: [Float] = [-0.5, 0.3, 1.1]
        let lhs = sample([2, 3], seed: 80, awayFrom: columns)
        return [probe("[2, 3] and [3]", [lhs, Tensor(columns)]) { f($0[0], $0[1]) },
                probe("[3] and [2, 3]", [Tensor(columns), lhs]) { f($0[0], $0[1]) },
                probe("[2, 3] and Float", [sample([2, 3], seed: 81, awayFrom: [0.4])]) { scalar($0[0], 0.4) }]
    }

    static var whereProbes: [GradientProbe] {
        let condition = Tensor([1, 0, 1, 0, 0, 1], shape: [2, 3])
        return [probe("[2, 3] and [2, 3]", [sample([2, 3], seed: 82), sample([2, 3], seed: 83)]) {
                    Tensor.where(condition, $0[0], $0[1])
                },
                probe("[2, 3] and [3]", [sample([2, 3], seed: 84), sample([3], seed: 85)]) {
                    Tensor.where(condition, $0[0], $0[1])
                },
                probe("scalar and [2, 3]", [sample([], seed: 86), sample([2, 3], seed: 87)]) {
                    Tensor.where(condition, $0[0], $0[1])
                }]
    }

    /// A reduction over everything (when `all` is given) and along every axis, with and
    /// without keeping the reduced dimension.
    static func reductions(over input: Tensor, all: ((Tensor) -> Tensor)?,
                           alongAxis f: @escaping (Tensor, Int, Bool) -> Tensor) -> [GradientProbe] {
        var probes: [GradientProbe] = []
        if let all { probes.append(probe("everything", [input]) { all($0[0]) }) }
        for axis in [0, 1, 2, -1] {
            for keep in [false, true] {
                probes.append(probe("axis \(axis), keeping \(keep)", [input]) { f($0[0], axis, keep) })
            }
        }
        return probes
    }

    static var matmulProbes: [GradientProbe] {
        [probe("[2, 3]·[3, 4]", [sample([2, 3], seed: 90), sample([3, 4], seed: 91)]) { $0[0].matmul($0[1]) },
         probe("transposed lhs", [sample([3, 2], seed: 92), sample([3, 4], seed: 93)]) { $0[0].T.matmul($0[1]) },
         probe("transposed rhs", [sample([2, 3], seed: 94), sample([4, 3], seed: 95)]) { $0[0].matmul($0[1].T) },
         probe("both transposed", [sample([3, 2], seed: 96), sample([4, 3], seed: 97)]) { $0[0].T.matmul($0[1].T) },
         probe("batched", [sample([2, 2, 3], seed: 98), sample([2, 3, 2], seed: 99)]) { $0[0].matmul($0[1]) },
         probe("batched, transposed rhs", [sample([2, 2, 3], seed: 100), sample([2, 4, 3], seed: 101)]) {
             $0[0].matmul($0[1].transposed())
         },
         probe("3-D · 2-D", [sample([2, 2, 3], seed: 102), sample([3, 4], seed: 103)]) { $0[0].matmul($0[1]) },
         probe("3-D · transposed 2-D", [sample([2, 2, 3], seed: 104), sample([4, 3], seed: 105)]) {
             $0[0].matmul($0[1].T)
         },
         probe("[1, 3]·[3, 1]", [sample([1, 3], seed: 106), sample([3, 1], seed: 107)]) { $0[0].matmul($0[1]) }]
    }
}
