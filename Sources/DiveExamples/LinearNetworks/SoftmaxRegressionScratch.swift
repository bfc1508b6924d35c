import Dive

/// Section 3.6, *Implementation of Softmax Regression from Scratch*: classifying Fashion-MNIST
/// with a softmax over a linear model, everything but autograd written by hand.
///
/// Each 28×28 image is flattened to 784 numbers; a weight matrix `W` (784×10, drawn from
/// N(0, 0.01²)) and a bias `b` (10 zeros) turn them into 10 scores, and `softmax` turns the
/// scores into probabilities. The loss is the cross-entropy `−log ŷ_y` of the probability given
/// to the true class. Minibatch SGD (learning rate 0.1, batches of 256) trains it for 10 epochs;
/// the book reaches a training loss of about 0.45 and a test accuracy of about 0.83.
///
/// The training utilities this section defines (`accuracy`, `evaluate_accuracy`,
/// `train_epoch_ch3`, `train_ch3`, `predict_ch3`) are in `SoftmaxRegressionScratch+Training.swift`.
struct SoftmaxRegressionScratchExample: Example {
    let name = "softmax-regression-scratch"
    let summary = "Softmax regression on Fashion-MNIST by hand: softmax, cross-entropy and the training loop"
    let bookSection = "3.6 Implementation of Softmax Regression from Scratch"
    let defaultEpochs: Int? = 10
    let usesImageData = true

    /// The example with the book's settings.
    init() {}

    func run(_ options: ExampleOptions) throws -> ExampleResult {
        let seed = options.seed(default: 0)
        var generator = RandomGenerator(seed: seed)

        // `train_iter, test_iter = d2l.load_data_fashion_mnist(batch_size)`.
        let data = try ImageData.fashionMNIST(options)
        let (trainIterator, testIterator) = data.loaders(batchSize: 256, seed: seed)

        // Initializing the model parameters: W ~ N(0, 0.01²) of shape [784, 10], b = 0.
        let (inputCount, outputCount) = (784, 10)
        let w = Parameter(.randn([inputCount, outputCount], std: 0.01, using: &generator))
        let b = Parameter(.zeros([outputCount]))

        // Defining the softmax operation: exponentiate, then divide each row by its sum
        // (the "partition function"), so that each row is a probability distribution.
        func softmax(_ x: Tensor) -> Tensor {
            let xExp = x.exp()
            let partition = xExp.sum(alongAxis: 1, keepingDimension: true)
            return xExp / partition   // broadcasting divides row i by partition[i]
        }

        // Defining the model: flatten each image to a row of 784, then softmax(XW + b).
        func net(_ x: Tensor) -> Tensor {
            softmax(x.reshaped([-1, inputCount]).matmul(w.value) + b.value)
        }

        // Defining the loss function: pick the probability of the true class in each row and
        // take its negative logarithm (one loss per example).
        func crossEntropy(_ yHat: Tensor, _ y: [Int]) -> Tensor {
            -yHat.gathering(y).log()
        }

        // Training: `train_ch3` with the hand-written `sgd` as the updater, learning rate 0.1.
        let learningRate: Float = 0.1
        let updater = Updater.byHand { batchSize in sgd([w, b], learningRate: learningRate, batchSize: batchSize) }
        let epochs = options.epochs(default: 10)
        let history = trainCh3(net, trainIterator: trainIterator, testIterator: testIterator, loss: crossEntropy,
                               epochs: epochs, updater: updater, options: options)

        // Prediction: the first 6 test images with their true and predicted classes.
        let predictions = predictCh3(net, data.test)
        options.printPredictions(of: data.test, predicted: predictions)

        var result = classifierResult(history, data: data)
        result["predictions"] = .texts(data.test.textLabels(predictions))
        result.files += try options.save(LineChart.trainingCurves(history, title: "Softmax regression from scratch"), as: "curves")
        result.files += try options.save(ImageGrid.predictions(of: data.test, predicted: predictions), as: "predictions")
        return result
    }
}
