import Dive

/// Section 4.2, *Implementation of Multilayer Perceptrons from Scratch*: one hidden layer of
/// 256 ReLU units between the 784 pixels and the 10 classes, its parameters made by hand.
///
/// `W1` (784×256) and `W2` (256×10) are drawn from N(0, 0.01²), the biases start at 0, and
/// `relu` is written out as `max(X, 0)`. The loss is the library's cross-entropy (one value per
/// example) and the optimizer the library's SGD with learning rate 0.1, driven by the
/// hand-written `train_ch3` from section 3.6 for 10 epochs. The hidden layer lifts the book's
/// test accuracy from softmax regression's 0.83 to about 0.85.
struct MLPScratchExample: Example {
    let name = "mlp-scratch"
    let summary = "MLP 784-256-10 on Fashion-MNIST with W1, b1, W2, b2 and relu written by hand"
    let bookSection = "4.2 Implementation of Multilayer Perceptrons from Scratch"
    let defaultEpochs: Int? = 10
    let defaultHiddenUnits: Int? = 256
    let usesImageData = true

    /// The example with the book's settings.
    init() {}

    func run(_ options: ExampleOptions) throws -> ExampleResult {
        let seed = options.seed(default: 0)
        var generator = RandomGenerator(seed: seed)
        let data = try ImageData.fashionMNIST(options)
        let (trainIterator, testIterator) = data.loaders(batchSize: 256, seed: seed)

        // Initializing the model parameters: one weight matrix and one bias vector per layer.
        let (inputCount, outputCount, hiddenCount) = (784, 10, options.hiddenUnits ?? 256)
        let w1 = Parameter(.randn([inputCount, hiddenCount], std: 0.01, using: &generator))
        let b1 = Parameter(.zeros([hiddenCount]))
        let w2 = Parameter(.randn([hiddenCount, outputCount], std: 0.01, using: &generator))
        let b2 = Parameter(.zeros([outputCount]))
        let parameters = [w1, b1, w2, b2]

        // Activation function: ReLU by hand, the elementwise maximum of X and 0.
        func relu(_ x: Tensor) -> Tensor {
            x.maximum(x.zerosLike())
        }

        // The model: flatten, hidden layer with ReLU, output layer (scores, no softmax).
        func net(_ x: Tensor) -> Tensor {
            let x = x.reshaped([-1, inputCount])
            let h = relu(x.matmul(w1.value) + b1.value)
            return h.matmul(w2.value) + b2.value
        }

        // Loss function: `nn.CrossEntropyLoss(reduction='none')`, softmax and log together.
        let loss = { (yHat: Tensor, y: [Int]) in crossEntropy(logits: yHat, labels: y, reduction: .none) }

        // Training: `torch.optim.SGD(params, lr=0.1)` and `d2l.train_ch3`.
        let updater = SGD(parameters: parameters, learningRate: 0.1)
        let epochs = options.epochs(default: 10)
        let history = trainCh3(net, trainIterator: trainIterator, testIterator: testIterator, loss: loss,
                               epochs: epochs, updater: .optimizer(updater), options: options)

        // Prediction: `d2l.predict_ch3(net, test_iter)`.
        let predictions = predictCh3(net, data.test)
        options.printPredictions(of: data.test, predicted: predictions)

        var result = classifierResult(history, data: data)
        result["hidden_units"] = .integer(hiddenCount)
        result["predictions"] = .texts(data.test.textLabels(predictions))
        result.files += try options.save(LineChart.trainingCurves(history, title: "MLP from scratch"), as: "curves")
        result.files += try options.save(ImageGrid.predictions(of: data.test, predicted: predictions), as: "predictions")
        return result
    }
}
