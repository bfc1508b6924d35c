import Dive

/// Section 3.2, *Linear Regression Implementation from Scratch*: the whole of linear regression
/// written by hand, with nothing from the library but tensors and autograd.
///
/// The book generates 1000 examples from a known line, `y = Xw + b + ε` with `w = [2, -3.4]`,
/// `b = 4.2` and noise `ε ~ N(0, 0.01²)`, then recovers `w` and `b` by minibatch stochastic
/// gradient descent on the squared loss, and prints the loss after each epoch and the errors
/// of the estimates. Each piece below is one of the book's functions.
struct LinearRegressionScratchExample: Example {
    let name = "linear-regression-scratch"
    let summary = "Linear regression by hand: synthetic data, linreg, squared_loss and sgd written out"
    let bookSection = "3.2 Linear Regression Implementation from Scratch"
    let defaultEpochs: Int? = 3

    /// The example with the book's settings.
    init() {}

    func run(_ options: ExampleOptions) throws -> ExampleResult {
        var generator = RandomGenerator(seed: options.seed(default: 42))

        // Generating the dataset: `synthetic_data(true_w, true_b, 1000)` draws X ~ N(0, 1) and
        // labels y = Xw + b + noise, as a [1000, 2] feature matrix and [1000, 1] labels.
        let trueW = Tensor([2, -3.4]), trueB: Float = 4.2
        let data = syntheticLinearData(weights: trueW, bias: trueB, count: 1000, noise: 0.01, using: &generator)
        let (features, labels) = (data.inputs, data.targets)
        options.print("features: \(features[rows: 0..<1].scalars), label: \(labels[rows: 0..<1].scalars)")

        // Initializing the model parameters: w ~ N(0, 0.01²), b = 0. They are `Parameter`s, the
        // library's tensors with identity, so that `sgd` can update them in place as PyTorch does
        // with `requires_grad=True` tensors.
        let w = Parameter(.randn([2, 1], std: 0.01, using: &generator))
        let b = Parameter(.zeros([1]))

        // Training: for each epoch, go through the data in random minibatches, compute the loss,
        // back-propagate its sum and take an SGD step; then report the loss on all the data.
        let (learningRate, epochs, batchSize): (Float, Int, Int) = (0.03, options.epochs(default: 3), 10)
        var epochLosses: [Float] = [], batchLosses: [Float] = []
        for epoch in 1...epochs {
            for (x, y) in dataIterator(batchSize: batchSize, features: features, labels: labels, using: &generator) {
                let loss = squaredLoss(linreg(x, w, b), y)   // shape [batchSize, 1]
                loss.sum().backward()
                sgd([w, b], learningRate: learningRate, batchSize: batchSize)
                batchLosses.append(loss.mean().item())
            }
            let trainLoss = withoutGradients { squaredLoss(linreg(features, w, b), labels).mean().item() }
            epochLosses.append(trainLoss)
            options.print("epoch \(epoch), loss \(format(trainLoss, digits: 6))")
        }

        // Evaluating: the estimates should be close to the parameters that made the data.
        let errorW = zip(trueW.scalars, w.value.scalars).map { $0 - $1 }
        let errorB = trueB - b.value.item()
        options.print("error in estimating w: \(format(errorW, digits: 4))")
        options.print("error in estimating b: \(format(errorB, digits: 4))")

        var result = ExampleResult()
        result["epoch_losses"] = .numbers(epochLosses)
        result["final_loss"] = .number(Double(epochLosses.last ?? .nan))
        result["w"] = .numbers(w.value.scalars)
        result["b"] = .number(Double(b.value.item()))
        result["w_error"] = .numbers(errorW)
        result["b_error"] = .number(Double(errorB))
        result.files = try options.save(lossChart(perMinibatch: batchLosses, batchesPerEpoch: 1000 / batchSize),
                                        as: "loss")
        return result
    }
}

/// The book's `data_iter`: the examples in a random order, `batchSize` at a time (the last batch
/// may be smaller). A new order is drawn from `generator` on each call, i.e. each epoch.
func dataIterator(batchSize: Int, features: Tensor, labels: Tensor,
                  using generator: inout RandomGenerator) -> [(Tensor, Tensor)] {
    let dataset = TensorDataset(inputs: features, targets: labels)
    var indices = Array(0..<dataset.count)
    indices.shuffle(using: &generator)
    return stride(from: 0, to: indices.count, by: batchSize).map { start in
        dataset.batch(at: Array(indices[start..<min(start + batchSize, indices.count)]))
    }
}

/// The book's `linreg(X, w, b)`: the linear model `Xw + b`, shape `[batch, 1]`.
func linreg(_ x: Tensor, _ w: Parameter, _ b: Parameter) -> Tensor {
    x.matmul(w.value) + b.value
}

/// The book's `sgd(params, lr, batch_size)`: one step of minibatch SGD on each parameter,
/// `param -= lr * param.grad / batch_size`, done without recording gradients, after which each
/// gradient is reset to zero. Dividing by the batch size turns the summed loss's gradient into
/// the mean's.
func sgd(_ parameters: [Parameter], learningRate: Float, batchSize: Int) {
    withoutGradients {
        for parameter in parameters {
            guard let grad = parameter.grad else { continue }
            parameter.value -= learningRate * grad / Float(batchSize)
            parameter.zeroGrad()
        }
    }
}
