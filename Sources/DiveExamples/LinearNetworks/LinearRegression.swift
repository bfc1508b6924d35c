import Dive

/// Section 3.3, *Concise Implementation of Linear Regression*: the same regression as
/// `LinearRegressionScratchExample` with the library's pieces in place of the hand-written ones.
///
/// `data_iter` becomes a `DataLoader` over a `TensorDataset`, `linreg` a `Sequential` holding
/// one `Linear(2, 1)`, `squared_loss` the mean squared error `mseLoss` and `sgd` the `SGD`
/// optimizer. The printed loss is PyTorch's `MSELoss`, the mean of `(ŷ − y)²` without the
/// book's ½, so it settles at the noise variance 0.01² = 1e-4 rather than half of it.
struct LinearRegressionExample: Example {
    let name = "linear-regression"
    let summary = "Linear regression with Sequential(Linear(2, 1)), mseLoss, SGD and a DataLoader"
    let bookSection = "3.3 Concise Implementation of Linear Regression"
    let defaultEpochs: Int? = 3

    /// The example with the book's settings.
    init() {}

    func run(_ options: ExampleOptions) throws -> ExampleResult {
        let seed = options.seed(default: 42)
        var generator = RandomGenerator(seed: seed)

        // Generating the dataset, as in the from-scratch version.
        let trueW = Tensor([2, -3.4]), trueB: Float = 4.2
        let data = syntheticLinearData(weights: trueW, bias: trueB, count: 1000, noise: 0.01, using: &generator)

        // Reading the dataset: the book's `load_array((features, labels), batch_size)`.
        let batchSize = 10
        let dataIterator = DataLoader(data, batchSize: batchSize, shuffle: true, seed: seed)

        // Defining the model: one fully connected layer with 2 inputs and 1 output, in a
        // `Sequential` (the book's `nn.Sequential(nn.Linear(2, 1))`; `layer` is its `net[0]`).
        let layer = Linear(inputSize: 2, outputSize: 1, generator: &generator)
        let net = Sequential(layer)

        // Initializing the model parameters: `net[0].weight.data.normal_(0, 0.01)` and
        // `net[0].bias.data.fill_(0)`.
        net.initialize(weights: .normal(mean: 0, std: 0.01), biases: .zeros, using: &generator)

        // Defining the loss function (`nn.MSELoss()`) and the optimization algorithm
        // (`torch.optim.SGD(net.parameters(), lr=0.03)`).
        let loss = { (prediction: Tensor, target: Tensor) in mseLoss(prediction, target) }
        let trainer = SGD(parameters: net.parameters, learningRate: 0.03)

        // Training: the same loop as before, with the optimizer's zero_grad and step.
        var epochLosses: [Float] = [], batchLosses: [Float] = []
        for epoch in 1...options.epochs(default: 3) {
            for (x, y) in dataIterator {
                let l = loss(net(x), y)
                trainer.zeroGrad()
                l.backward()
                trainer.step()
                batchLosses.append(l.item())
            }
            let l = withoutGradients { loss(net(data.inputs), data.targets).item() }
            epochLosses.append(l)
            options.print("epoch \(epoch), loss \(format(l, digits: 6))")
        }

        // Comparing the learned parameters with the true ones.
        let w = layer.weight.value.scalars, b = layer.bias!.value.item()
        let errorW = zip(trueW.scalars, w).map { $0 - $1 }
        options.print("error in estimating w: \(format(errorW, digits: 4))")
        options.print("error in estimating b: \(format(trueB - b, digits: 4))")

        var result = ExampleResult()
        result["epoch_losses"] = .numbers(epochLosses)
        result["minibatch_losses"] = .numbers(batchLosses)
        result["final_loss"] = .number(Double(epochLosses.last ?? .nan))
        result["final_squared_loss"] = .number(Double(epochLosses.last ?? .nan) / 2)
        result["w"] = .numbers(w)
        result["b"] = .number(Double(b))
        result["w_error"] = .numbers(errorW)
        result["b_error"] = .number(Double(trueB - b))
        result.files = try options.save(lossChart(perMinibatch: batchLosses, batchesPerEpoch: dataIterator.batchCount),
                                        as: "loss")
        return result
    }
}
