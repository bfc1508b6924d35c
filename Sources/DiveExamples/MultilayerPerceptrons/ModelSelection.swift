import Dive
import Foundation

/// Section 4.4, *Model Selection, Underfitting, and Overfitting*: polynomial regression with
/// too few, the right number and too many features.
///
/// The data come from a cubic, `y = 5 + 1.2x − 3.4x²/2! + 5.6x³/3! + ε` with `ε ~ N(0, 0.1²)`,
/// 100 examples to train on and 100 to test on. The features are `xⁱ/i!` for `i = 0…19`
/// (dividing by `i!` keeps large powers from dominating the gradients). The book fits the same
/// linear model to three slices of them:
/// - the first 4 features (a cubic, "normal"): train and test losses fall to the noise level and
///   the weights land close to `[5, 1.2, -3.4, 5.6]`;
/// - the first 2 (a line, "underfitting"): both losses stay high;
/// - all 20 ("overfitting", trained for 1500 epochs): the training loss keeps falling while the
///   test loss stays above it, the extra weights fitting noise.
struct ModelSelectionExample: Example {
    let name = "model-selection"
    let summary = "Polynomial fitting with 4, 2 and 20 features: a good fit, underfitting and overfitting"
    let bookSection = "4.4 Model Selection, Underfitting, and Overfitting"
    let defaultEpochs: Int? = 400

    /// The example with the book's settings.
    init() {}

    func run(_ options: ExampleOptions) throws -> ExampleResult {
        let seed = options.seed(default: 7)
        var generator = RandomGenerator(seed: seed)

        // Generating the dataset: x ~ N(0, 1), the features xⁱ/i! for i < 20, and labels from
        // the first four of them with true weights [5, 1.2, -3.4, 5.6] plus noise.
        let (maxDegree, trainCount, testCount) = (20, 100, 100)
        let trueW: [Float] = [5, 1.2, -3.4, 5.6] + Array(repeating: 0, count: maxDegree - 4)
        let x = Tensor.randn([trainCount + testCount], using: &generator).scalars
        let polyFeatures = x.map { value in
            (0..<maxDegree).map { i in Float(pow(Double(value), Double(i)) / tgamma(Double(i + 1))) }
        }
        let noise = Tensor.randn([trainCount + testCount], std: 0.1, using: &generator).scalars
        let labels = zip(polyFeatures, noise).map { features, epsilon in
            zip(features, trueW).map(*).reduce(0, +) + epsilon
        }
        options.print("x: \(format(Array(x[0..<2]), digits: 4)), labels: \(format(Array(labels[0..<2]), digits: 4))")

        // The three fits: the book's `train(poly_features[:n_train, :k], …)` for k = 4, 2, 20.
        let fits: [(key: String, title: String, features: Int, epochs: Int)] = [
            ("cubic", "Third-order polynomial (normal)", 4, options.epochs(default: 400)),
            ("linear", "Linear function (underfitting)", 2, options.epochs(default: 400)),
            ("high_order", "Higher-order polynomial (overfitting)", maxDegree, options.epochs(default: 1500)),
        ]
        var result = ExampleResult()
        for fit in fits {
            options.print("\(fit.title): \(fit.features) features, \(fit.epochs) epochs")
            func slice(_ rows: Range<Int>) -> Tensor {
                Tensor(rows.flatMap { polyFeatures[$0][0..<fit.features] }, shape: [rows.count, fit.features])
            }
            func targets(_ rows: Range<Int>) -> Tensor { Tensor(Array(labels[rows]), shape: [rows.count, 1]) }
            let train = TensorDataset(inputs: slice(0..<trainCount), targets: targets(0..<trainCount))
            let test = TensorDataset(inputs: slice(trainCount..<trainCount + testCount),
                                     targets: targets(trainCount..<trainCount + testCount))
            let outcome = trainPolynomial(train: train, test: test, epochs: fit.epochs, seed: seed, options: options)

            result["\(fit.key)_weights"] = .numbers(outcome.weights)
            result["\(fit.key)_train_loss"] = .number(Double(outcome.trainLosses.last!))
            result["\(fit.key)_test_loss"] = .number(Double(outcome.testLosses.last!))
            let chart = LineChart(x: outcome.epochs.map(Double.init), series: [
                Series(outcome.trainLosses, label: "train"),
                Series(outcome.testLosses, label: "test", style: .dashed),
            ], title: fit.title, xLabel: "epoch", yLabel: "loss", xLimits: 1...Double(fit.epochs),
               yLimits: 1e-3...1e2, yScale: .logarithmic, xTicksAreIntegers: true)
            result.files += try options.save(chart, as: fit.key.replacingOccurrences(of: "_", with: "-"))
        }
        return result
    }
}

/// The book's `train(train_features, test_features, train_labels, test_labels, num_epochs)`:
/// a linear model without bias, squared error, minibatches of 10, SGD with learning rate 0.01;
/// the mean losses on both sets after the first epoch and every 20th.
private func trainPolynomial(train: TensorDataset, test: TensorDataset, epochs: Int, seed: UInt64,
                             options: ExampleOptions)
    -> (weights: [Float], epochs: [Int], trainLosses: [Float], testLosses: [Float]) {
    let features = train.inputs.shape[1]
    let net = Sequential(withRandomSeed(seed) { Linear(inputSize: features, outputSize: 1, bias: false) })
    let batchSize = min(10, train.count)
    let trainIterator = DataLoader(train, batchSize: batchSize, shuffle: true, seed: seed)
    let testIterator = DataLoader(test, batchSize: batchSize, shuffle: false)
    let trainer = SGD(parameters: net.parameters, learningRate: 0.01)

    // The book's `evaluate_loss(net, data_iter, loss)`: the mean loss over a whole dataset.
    func evaluateLoss(_ iterator: DataLoader<TensorDataset>) -> Float {
        withoutGradients {
            let losses = iterator.batches(forEpoch: 0).map { mseLoss(net($0.inputs), $0.targets, reduction: .sum).item() }
            return losses.reduce(0, +) / Float(iterator.dataset.count)
        }
    }

    var recorded: (epochs: [Int], train: [Float], test: [Float]) = ([], [], [])
    for epoch in 1...epochs {
        // One epoch of `train_epoch_ch3` with a library optimizer: mean loss, backward, step.
        for (x, y) in trainIterator.batches(forEpoch: epoch - 1) {
            let l = mseLoss(net(x), y)
            trainer.zeroGrad()
            l.backward()
            trainer.step()
        }
        if epoch == 1 || epoch % 20 == 0 || epoch == epochs {
            recorded.epochs.append(epoch)
            recorded.train.append(evaluateLoss(trainIterator))
            recorded.test.append(evaluateLoss(testIterator))
        }
    }
    let weights = net.parameters[0].value.scalars
    options.print("weight: \(format(weights, digits: 4))")
    options.print("train loss \(format(recorded.train.last!, digits: 5)), test loss \(format(recorded.test.last!, digits: 5))")
    return (weights, recorded.epochs, recorded.train, recorded.test)
}
