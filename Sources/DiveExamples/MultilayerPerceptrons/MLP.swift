import Dive

/// Section 4.3, *Concise Implementation of Multilayer Perceptrons*: the MLP of
/// `MLPScratchExample` as a `Sequential`, which is also what `dive train` trains by default.
///
/// `Flatten`, `Linear(784, 256)`, `ReLU`, `Linear(256, 10)`; weights redrawn from N(0, 0.01²)
/// and biases 0 (`net.apply(init_weights)`), cross-entropy, SGD with learning rate 0.1,
/// batches of 256, 10 epochs, trained by the library's `fit`.
struct MLPExample: Example {
    let name = "mlp"
    let summary = "MLP Flatten-Linear(784, 256)-ReLU-Linear(256, 10) on Fashion-MNIST with SGD (the dive train default)"
    let bookSection = "4.3 Concise Implementation of Multilayer Perceptrons"
    let defaultEpochs: Int? = 10
    let defaultHiddenUnits: Int? = 256
    let usesImageData = true

    /// The example with the book's settings.
    init() {}

    func run(_ options: ExampleOptions) throws -> ExampleResult {
        let seed = options.seed(default: 0)
        var generator = RandomGenerator(seed: seed)
        let data = try ImageData.fashionMNIST(options)

        // The model: two fully connected layers with a ReLU between them.
        let hiddenCount = options.hiddenUnits ?? 256
        let net = Sequential(
            Flatten(),
            Linear(inputSize: 784, outputSize: hiddenCount, generator: &generator),
            ReLU(),
            Linear(inputSize: hiddenCount, outputSize: 10, generator: &generator)
        )
        net.initialize(weights: .normal(mean: 0, std: 0.01), biases: .zeros, using: &generator)
        options.print(DiveNN.summary(of: net, inputShape: [1, 1, 28, 28]))

        // Training: cross-entropy (fit's default), `torch.optim.SGD(net.parameters(), lr=0.1)`.
        let trainer = SGD(parameters: net.parameters, learningRate: 0.1)
        var result = try fitAndReport(net, optimizer: trainer, data: data, batchSize: 256,
                                      epochs: options.epochs(default: 10), seed: seed, title: "MLP", options: options)
        result["hidden_units"] = .integer(hiddenCount)
        return result
    }
}
