import Dive

/// Section 4.5, *Weight Decay*: L2 regularisation tames a model with far more parameters
/// than examples.
///
/// The data are high-dimensional and few: `y = 0.05 + Σᵢ 0.01·xᵢ + ε` over `d = 200` inputs,
/// with 20 training and 100 test examples and `ε ~ N(0, 0.01²)`. A linear model fits the 20
/// training points perfectly and generalises badly; adding `λ‖w‖²/2` to the loss keeps the
/// weights small and the test loss down. The book does it twice:
/// - from scratch, adding `lambd * l2_penalty(w)` to the squared loss (λ = 0, then λ = 3);
/// - concisely, with the optimizer's `weight_decay` on the weights only (not the bias).
struct WeightDecayExample: Example {
    let name = "weight-decay"
    let summary = "L2 penalty on 200-dimensional regression with 20 examples: λ = 0 vs λ = 3, scratch and concise"
    let bookSection = "4.5 Weight Decay"
    let defaultEpochs: Int? = 100

    /// The example with the book's settings.
    init() {}

    func run(_ options: ExampleOptions) throws -> ExampleResult {
        let seed = options.seed(default: 3)
        var generator = RandomGenerator(seed: seed)

        // The data: `d2l.synthetic_data(true_w, true_b, n)` for 20 training and 100 test examples,
        // in minibatches of 5.
        let (trainCount, testCount, inputCount, batchSize) = (20, 100, 200, 5)
        let trueW = Tensor.full(0.01, shape: [inputCount]), trueB: Float = 0.05
        let trainData = syntheticLinearData(weights: trueW, bias: trueB, count: trainCount, noise: 0.01, using: &generator)
        let testData = syntheticLinearData(weights: trueW, bias: trueB, count: testCount, noise: 0.01, using: &generator)
        let trainIterator = DataLoader(trainData, batchSize: batchSize, shuffle: true, seed: seed)
        let testIterator = DataLoader(testData, batchSize: batchSize, shuffle: false)
        let epochs = options.epochs(default: 100)

        typealias Training = (Float, DataLoader<TensorDataset>, DataLoader<TensorDataset>, Int,
                              inout RandomGenerator) -> WeightDecayRun
        let versions: [(String, Training)] = [("scratch", trainScratch), ("concise", trainConcise)]
        var result = ExampleResult()
        for (version, train) in versions {
            for lambda: Float in [0, 3] {
                var parameters = RandomGenerator(seed: seed &+ 1)   // the same start for every run
                let run = train(lambda, trainIterator, testIterator, epochs, &parameters)
                let key = "\(version)_lambda_\(Int(lambda))"
                options.print("\(version), λ = \(Int(lambda)): L2 norm of w: \(format(run.weightNorm, digits: 4)), "
                              + "train loss \(format(run.trainLosses.last!, digits: 5)), "
                              + "test loss \(format(run.testLosses.last!, digits: 5))")
                result["\(key)_w_norm"] = .number(Double(run.weightNorm))
                result["\(key)_train_loss"] = .number(Double(run.trainLosses.last!))
                result["\(key)_test_loss"] = .number(Double(run.testLosses.last!))
                let chart = LineChart(x: run.epochs.map(Double.init), series: [
                    Series(run.trainLosses, label: "train"),
                    Series(run.testLosses, label: "test", style: .dashed),
                ], title: "Weight decay (\(version)), λ = \(Int(lambda))", xLabel: "epoch", yLabel: "loss",
                   xLimits: 5...Double(max(epochs, 6)), yScale: .logarithmic, xTicksAreIntegers: true)
                result.files += try options.save(chart, as: "\(version)-lambda-\(Int(lambda))")
            }
        }
        return result
    }
}

/// What one training run of the weight-decay example leaves: ‖w‖ and the losses every 5 epochs.
private struct WeightDecayRun {
    var weightNorm: Float
    var epochs: [Int] = []
    var trainLosses: [Float] = []
    var testLosses: [Float] = []
}

/// The book's `train(lambd)`: w ~ N(0, 1) and b = 0 by hand, the squared loss plus
/// `lambd * l2_penalty(w)`, and the hand-written `sgd` with learning rate 0.003.
private func trainScratch(lambda: Float, trainIterator: DataLoader<TensorDataset>,
                          testIterator: DataLoader<TensorDataset>, epochs: Int,
                          generator: inout RandomGenerator) -> WeightDecayRun {
    // `init_params()`.
    let w = Parameter(.randn([200, 1], using: &generator))
    let b = Parameter(.zeros([1]))
    let net = { (x: Tensor) in linreg(x, w, b) }
    var run = WeightDecayRun(weightNorm: 0)
    for epoch in 1...epochs {
        for (x, y) in trainIterator.batches(forEpoch: epoch - 1) {
            // The penalty is added to every example's loss, so the sum carries it batchSize
            // times and sgd's division by the batch size leaves λ·w in the gradient.
            let l = squaredLoss(net(x), y) + lambda * l2Penalty(w.value)
            l.sum().backward()
            sgd([w, b], learningRate: 0.003, batchSize: trainIterator.batchSize)
        }
        if epoch % 5 == 0 || epoch == epochs {
            run.epochs.append(epoch)
            run.trainLosses.append(meanLoss(of: net, on: trainIterator, squaredLoss))
            run.testLosses.append(meanLoss(of: net, on: testIterator, squaredLoss))
        }
    }
    run.weightNorm = withoutGradients { w.value.squared().sum().sqrt().item() }
    return run
}

/// The book's `train_concise(wd)`: `nn.Linear(200, 1)` with every parameter drawn from N(0, 1),
/// mean squared error, and SGD whose `weight_decay` applies to the weight only. PyTorch's two
/// parameter groups (`{"params": net[0].weight, "weight_decay": wd}, {"params": net[0].bias}`)
/// are two optimizers here, one per group.
private func trainConcise(weightDecay: Float, trainIterator: DataLoader<TensorDataset>,
                          testIterator: DataLoader<TensorDataset>, epochs: Int,
                          generator: inout RandomGenerator) -> WeightDecayRun {
    let layer = Linear(inputSize: 200, outputSize: 1, generator: &generator)
    let net = Sequential(layer)
    // `for param in net.parameters(): param.data.normal_()`.
    net.initialize(weights: .normal(mean: 0, std: 1), biases: .normal(mean: 0, std: 1), using: &generator)
    let trainers = [
        SGD(parameters: [layer.weight], learningRate: 0.003, weightDecay: weightDecay),
        SGD(parameters: [layer.bias!], learningRate: 0.003),
    ]
    let loss = { (prediction: Tensor, target: Tensor) in mseLoss(prediction, target, reduction: .none) }
    var run = WeightDecayRun(weightNorm: 0)
    for epoch in 1...epochs {
        for (x, y) in trainIterator.batches(forEpoch: epoch - 1) {
            trainers.forEach { $0.zeroGrad() }
            loss(net(x), y).mean().backward()
            trainers.forEach { $0.step() }
        }
        if epoch % 5 == 0 || epoch == epochs {
            run.epochs.append(epoch)
            run.trainLosses.append(meanLoss(of: net.callAsFunction, on: trainIterator, loss))
            run.testLosses.append(meanLoss(of: net.callAsFunction, on: testIterator, loss))
        }
    }
    run.weightNorm = withoutGradients { layer.weight.value.squared().sum().sqrt().item() }
    return run
}

/// The book's `d2l.evaluate_loss(net, data_iter, loss)`: the loss per example, averaged over
/// every example of `iterator` (in its first epoch's order; the order does not matter).
private func meanLoss(of net: (Tensor) -> Tensor, on iterator: DataLoader<TensorDataset>,
                      _ loss: (Tensor, Tensor) -> Tensor) -> Float {
    withoutGradients {
        let total = iterator.batches(forEpoch: 0).map { loss(net($0.inputs), $0.targets).sum().item() }.reduce(0, +)
        return total / Float(iterator.dataset.count)
    }
}
