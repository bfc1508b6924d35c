import Dive

/// Section 4.6, *Dropout*, concisely: the network of `DropoutScratchExample` as a
/// `Sequential` with the library's `Dropout` layers after each hidden ReLU.
///
/// `Dropout` drops only in training mode; the library's `fit` switches the model to training
/// mode for each epoch and `evaluate` to evaluation mode for the test set, as the book's
/// `train_ch3` does with `net.train()` and `net.eval()`. Weights from N(0, 0.01²), SGD with
/// learning rate 0.5, batches of 256, 10 epochs.
struct DropoutExample: Example {
    let name = "dropout"
    let summary = "MLP 784-256-256-10 with Dropout(0.2) and Dropout(0.5) layers, train/eval modes, on Fashion-MNIST"
    let bookSection = "4.6 Dropout (concise)"
    let defaultEpochs: Int? = 10
    let usesImageData = true

    /// The example with the book's settings.
    init() {}

    func run(_ options: ExampleOptions) throws -> ExampleResult {
        let seed = options.seed(default: 0)
        var generator = RandomGenerator(seed: seed)
        let data = try ImageData.fashionMNIST(options)

        // `nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Dropout(dropout1), …)`.
        let (dropout1, dropout2): (Float, Float) = (0.2, 0.5)
        let net = Sequential(
            Flatten(),
            Linear(inputSize: 784, outputSize: 256, generator: &generator),
            ReLU(),
            Dropout(probability: dropout1, generator: RandomGenerator(seed: seed &+ 1)),   // after the first fully connected layer
            Linear(inputSize: 256, outputSize: 256, generator: &generator),
            ReLU(),
            Dropout(probability: dropout2, generator: RandomGenerator(seed: seed &+ 2)),   // after the second
            Linear(inputSize: 256, outputSize: 10, generator: &generator)
        )
        net.initialize(weights: .normal(mean: 0, std: 0.01), biases: .zeros, using: &generator)

        // Training: `torch.optim.SGD(net.parameters(), lr=0.5)` and `d2l.train_ch3`.
        let trainer = SGD(parameters: net.parameters, learningRate: 0.5)
        return try fitAndReport(net, optimizer: trainer, data: data, batchSize: 256, epochs: options.epochs(default: 10),
                                seed: seed, title: "Dropout", options: options)
    }
}
