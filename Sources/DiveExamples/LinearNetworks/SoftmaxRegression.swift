import Dive

/// Section 3.7, *Concise Implementation of Softmax Regression*: the classifier of
/// `SoftmaxRegressionScratchExample` from library parts.
///
/// The model is `Flatten` followed by `Linear(784, 10)`, with weights redrawn from N(0, 0.01²)
/// as the book's `init_weights` does. The softmax and the logarithm of the cross-entropy are
/// not computed separately: the library's cross-entropy takes the scores ("logits") and uses
/// the log-sum-exp trick, so large scores cannot overflow `exp`. `SGD` with learning rate 0.1
/// trains it for 10 epochs, through the library's `fit`.
struct SoftmaxRegressionExample: Example {
    let name = "softmax-regression"
    let summary = "Softmax regression on Fashion-MNIST with Sequential(Flatten, Linear(784, 10)), cross-entropy, SGD"
    let bookSection = "3.7 Concise Implementation of Softmax Regression"
    let defaultEpochs: Int? = 10
    let usesImageData = true

    /// The example with the book's settings.
    init() {}

    func run(_ options: ExampleOptions) throws -> ExampleResult {
        let seed = options.seed(default: 0)
        var generator = RandomGenerator(seed: seed)
        let data = try ImageData.fashionMNIST(options)

        // Initializing the model parameters: `nn.Sequential(nn.Flatten(), nn.Linear(784, 10))`
        // and `net.apply(init_weights)`, i.e. weights from N(0, 0.01²) (biases stay 0).
        let net = Sequential(Flatten(), Linear(inputSize: 784, outputSize: 10, generator: &generator))
        net.initialize(weights: .normal(mean: 0, std: 0.01), biases: .zeros, using: &generator)

        // Optimization algorithm: `torch.optim.SGD(net.parameters(), lr=0.1)`. The loss,
        // `nn.CrossEntropyLoss()`, is `fit`'s default (`meanCrossEntropy`).
        let trainer = SGD(parameters: net.parameters, learningRate: 0.1)

        // Training: `d2l.train_ch3(net, train_iter, test_iter, loss, num_epochs, trainer)`.
        return try fitAndReport(net, optimizer: trainer, data: data, batchSize: 256, epochs: options.epochs(default: 10),
                                seed: seed, title: "Softmax regression", options: options)
    }
}
