import Dive

/// One benchmark workload, defined as in the peer benchmarks (`shared/bench/peers/README.md`):
/// the same model, optimizer, batch size and epochs as the PyTorch, Keras, JAX and numpy runs.
struct Workload {
    let name: String
    let epochs: Int
    let batchSize: Int
    let learningRate: Float
    /// Hidden layer sizes between the 784 inputs and the 10 classes.
    let hidden: [Int]
    /// Adam (keras-mlp) or SGD (the d2l workloads).
    let usesAdam: Bool
    /// The book's N(0, 0.01²) weights and zero biases (the d2l workloads), else PyTorch's default.
    let usesBookInit: Bool

    static let all: [Workload] = [
        Workload(name: "d2l-mlp", epochs: 10, batchSize: 256, learningRate: 0.1, hidden: [256],
                 usesAdam: false, usesBookInit: true),
        Workload(name: "d2l-softmax", epochs: 10, batchSize: 256, learningRate: 0.1, hidden: [],
                 usesAdam: false, usesBookInit: true),
        Workload(name: "keras-mlp", epochs: 5, batchSize: 32, learningRate: 1e-3, hidden: [128, 64],
                 usesAdam: true, usesBookInit: false),
    ]

    static func named(_ name: String) -> Workload? { all.first { $0.name == name } }

    /// Flatten, then Linear + ReLU per hidden size, then Linear to the 10 classes: the same
    /// builder `dive train` uses.
    func makeModel(using generator: inout RandomGenerator) -> Sequential {
        let architecture = ModelArchitecture(model: hidden.isEmpty ? .softmax : .mlp, inputs: 784, classes: 10,
                                             hidden: hidden, activation: .relu, dropout: hidden.map { _ in 0 })
        let model = architecture.build(generator: &generator, seed: 0)
        if usesBookInit { model.initialize(weights: .normal(mean: 0, std: 0.01), biases: .zeros, using: &generator) }
        return model
    }

    func makeOptimizer(for model: Sequential) -> any Optimizer {
        usesAdam ? Adam(parameters: model.parameters, learningRate: learningRate)
                 : SGD(parameters: model.parameters, learningRate: learningRate)
    }
}
