import Dive

/// Section 4.6, *Dropout*, from scratch: during training, zero each hidden activation with
/// probability p and scale the survivors by 1/(1 − p), so that no unit can rely on another.
///
/// The book writes `dropout_layer`, tries it on a small matrix with p = 0, 0.5 and 1, then
/// builds a network with two hidden layers of 256 units (784-256-256-10) that applies dropout
/// 0.2 after the first and 0.5 after the second, only in training mode. SGD with learning rate
/// 0.5, batches of 256, 10 epochs, through the hand-written `train_ch3`, which switches the
/// network to evaluation mode (no dropout) to measure test accuracy.
struct DropoutScratchExample: Example {
    let name = "dropout-scratch"
    let summary = "MLP 784-256-256-10 with dropout 0.2/0.5 written by hand (dropout_layer), on Fashion-MNIST"
    let bookSection = "4.6 Dropout (from scratch)"
    let defaultEpochs: Int? = 10
    let usesImageData = true

    /// The example with the book's settings.
    init() {}

    func run(_ options: ExampleOptions) throws -> ExampleResult {
        let seed = options.seed(default: 0)
        var generator = RandomGenerator(seed: seed)

        // dropout_layer on X = [[0 … 7], [8 … 15]] with p = 0, 0.5 and 1.
        let x = Tensor.arange(to: 16).reshaped([2, 8])
        for p: Float in [0, 0.5, 1] {
            let dropped = dropoutLayer(x, p, using: &generator)
            options.print("dropout \(p):\n\(formatRows(dropped.scalars, columns: 8))")
        }

        // The network, trained with cross-entropy and SGD (learning rate 0.5).
        let data = try ImageData.fashionMNIST(options)
        let (trainIterator, testIterator) = data.loaders(batchSize: 256, seed: seed)
        let net = DropoutNet(inputs: 784, outputs: 10, hidden1: 256, hidden2: 256,
                             dropout1: 0.2, dropout2: 0.5, generator: &generator)
        let loss = { (yHat: Tensor, y: [Int]) in crossEntropy(logits: yHat, labels: y, reduction: .none) }
        let trainer = SGD(parameters: net.parameters, learningRate: 0.5)
        let history = trainCh3(net.callAsFunction, trainIterator: trainIterator, testIterator: testIterator,
                               loss: loss, epochs: options.epochs(default: 10), updater: .optimizer(trainer),
                               setTraining: net.setTraining, options: options)

        let predictions = predictCh3(net.callAsFunction, data.test, setTraining: net.setTraining)
        var result = classifierResult(history, data: data)
        result["predictions"] = .texts(data.test.textLabels(predictions))
        result.files += try options.save(LineChart.trainingCurves(history, title: "Dropout from scratch"), as: "curves")
        result.files += try options.save(ImageGrid.predictions(of: data.test, predicted: predictions), as: "predictions")
        return result
    }
}

/// The book's `dropout_layer(X, dropout)`: each element of `x` is kept with probability
/// `1 − dropout` (and then divided by it) or set to 0, with the mask drawn from `generator`.
/// `dropout` 0 returns `x`, 1 returns zeros.
func dropoutLayer(_ x: Tensor, _ dropout: Float, using generator: inout RandomGenerator) -> Tensor {
    precondition((0...1).contains(dropout), "dropoutLayer: dropout must be in [0, 1], got \(dropout)")
    if dropout == 1 { return x.zerosLike() }   // every element dropped
    if dropout == 0 { return x }               // every element kept
    let mask = Tensor.uniform(x.shape, using: &generator).isGreater(than: dropout)
    return mask * x / (1 - dropout)
}

/// The book's `Net(nn.Module)` of the dropout section: three fully connected layers with
/// PyTorch's default initialisation, ReLU after the first two, and `dropoutLayer` after each
/// ReLU while in training mode.
final class DropoutNet: ModeDependentLayer {
    let lin1: Linear, lin2: Linear, lin3: Linear
    let dropout1: Float, dropout2: Float
    /// The book's `self.training`, switched by `setTraining` (`net.train()` / `net.eval()`).
    var isTraining = true
    private var generator: RandomGenerator

    init(inputs: Int, outputs: Int, hidden1: Int, hidden2: Int, dropout1: Float, dropout2: Float,
         generator: inout RandomGenerator) {
        lin1 = Linear(inputSize: inputs, outputSize: hidden1, generator: &generator)
        lin2 = Linear(inputSize: hidden1, outputSize: hidden2, generator: &generator)
        lin3 = Linear(inputSize: hidden2, outputSize: outputs, generator: &generator)
        (self.dropout1, self.dropout2) = (dropout1, dropout2)
        self.generator = RandomGenerator(seed: generator.next())   // the masks' own stream
    }

    func callAsFunction(_ x: Tensor) -> Tensor {
        var h1 = lin1(x.reshaped([-1, lin1.inputSize])).relu()
        if isTraining { h1 = dropoutLayer(h1, dropout1, using: &generator) }   // only when training
        var h2 = lin2(h1).relu()
        if isTraining { h2 = dropoutLayer(h2, dropout2, using: &generator) }
        return lin3(h2)
    }
}

/// `scalars` as rows of `columns` numbers with one decimal, as PyTorch prints a small matrix.
private func formatRows(_ scalars: [Float], columns: Int) -> String {
    stride(from: 0, to: scalars.count, by: columns).map { start in
        "[" + scalars[start..<start + columns].map { format($0, digits: 1) }.joined(separator: ", ") + "]"
    }.joined(separator: "\n")
}
