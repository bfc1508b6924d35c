import Dive

/// The Keras "hello world", beyond the book: a dense network on MNIST's handwritten digits, with
/// Keras' `fit`, `evaluate` and `predict` mapped onto the library's.
///
/// ```python
/// model = keras.Sequential([layers.Flatten(input_shape=(28, 28)),
///                           layers.Dense(128, activation="relu"),
///                           layers.Dense(64, activation="relu"),
///                           layers.Dense(10, activation="softmax")])
/// model.compile(optimizer=keras.optimizers.Adam(1e-3),
///               loss="sparse_categorical_crossentropy", metrics=["accuracy"])
/// history = model.fit(x_train, y_train, epochs=10, batch_size=32, validation_data=(x_test, y_test))
/// ```
/// The softmax of the last layer and the cross-entropy are fused into the library's
/// cross-entropy on scores, which is the same function computed stably. Keras initialises
/// `Dense` weights with Glorot (Xavier) uniform and biases with zeros, and so does this example.
/// It runs on MNIST when the MNIST loader finds it, and on Fashion-MNIST otherwise (it says
/// which); note that a `--data-dir` holding the Fashion-MNIST files themselves would be taken for
/// MNIST, as the two use the same file names.
struct KerasMNISTExample: Example {
    let name = "keras-mnist"
    let summary = "Keras-style Dense(128)-Dense(64)-Dense(10) with Adam, fit/evaluate/predict, on MNIST (Fashion-MNIST if absent)"
    let bookSection = "Keras' Sequential MNIST model (beyond the book)"
    let defaultEpochs: Int? = 10
    let usesImageData = true

    /// The example with its default settings.
    init() {}

    func run(_ options: ExampleOptions) throws -> ExampleResult {
        let seed = options.seed(default: 0)
        var generator = RandomGenerator(seed: seed)

        // The data: MNIST when present, else Fashion-MNIST. Pixels are scaled to [0, 1]
        // (Keras tutorials divide by 255).
        let data = try ImageData.mnistOrFashionMNIST(options)
        options.print(data.name == "MNIST" ? "dataset: MNIST"
                      : "dataset: Fashion-MNIST (MNIST not found; `dive data download mnist` gets it)")

        // The model: Flatten, Dense(128, relu), Dense(64, relu), Dense(10) giving scores.
        let model = Sequential(
            Flatten(),
            Linear(inputSize: 784, outputSize: 128, generator: &generator), ReLU(),
            Linear(inputSize: 128, outputSize: 64, generator: &generator), ReLU(),
            Linear(inputSize: 64, outputSize: 10, generator: &generator)
        )
        model.initialize(weights: .xavierUniform, biases: .zeros, using: &generator)
        options.print(DiveNN.summary(of: model, inputShape: [1, 1, 28, 28]))

        // compile: Adam with learning rate 1e-3; the loss is fit's default cross-entropy.
        let optimizer = Adam(parameters: model.parameters, learningRate: 1e-3)

        // fit(epochs=10, batch_size=32, validation_data=(x_test, y_test)).
        let epochs = options.epochs(default: 10)
        let train = DataLoader(data.train, batchSize: 32, shuffle: true, seed: seed)
        let test = DataLoader(data.test, batchSize: 256, shuffle: false)
        let history = try fit(model, optimizer: optimizer, train: train, validation: test, epochs: epochs,
                              callbacks: [LambdaCallback(epochFinished: { options.printEpoch($0, of: epochs) })])

        // predict on the first 10 test images: the class with the largest score.
        let first = data.test.batch(at: Array(0..<min(10, data.test.count)))
        let predictions = predict(model, inputs: first.inputs)
        options.printPredictions(of: data.test, predicted: predictions)

        // evaluate(x_test, y_test).
        let evaluation = evaluate(model, on: test)
        options.print("test loss \(format(evaluation.loss, digits: 4)), test accuracy \(format(evaluation.accuracy, digits: 4))")

        var result = classifierResult(history, data: data)
        result["test_loss"] = .number(evaluation.loss)
        result["test_acc"] = .number(evaluation.accuracy)
        result["predictions"] = .texts(data.test.textLabels(predictions))
        result["labels"] = .texts(data.test.textLabels(first.labels))
        let epochNumbers = history.epochs.map { Double($0.epoch) }
        let lossChart = LineChart(x: epochNumbers, series: [
            Series(history.epochs.map(\.trainLoss), label: "loss"),
            Series(history.epochs.map { $0.testLoss ?? .nan }, label: "val_loss", style: .dashed),
        ], title: "Model loss", xLabel: "epoch", yLabel: "loss", xTicksAreIntegers: true)
        let accuracyChart = LineChart(x: epochNumbers, series: [
            Series(history.epochs.map(\.trainAccuracy), label: "accuracy"),
            Series(history.epochs.map { $0.testAccuracy ?? .nan }, label: "val_accuracy", style: .dashed),
        ], title: "Model accuracy", xLabel: "epoch", yLabel: "accuracy", xTicksAreIntegers: true)
        result.files += try options.save(lossChart, as: "loss")
        result.files += try options.save(accuracyChart, as: "accuracy")
        result.files += try options.save(ImageGrid.predictions(of: data.test, predicted: predictions, columns: 5), as: "predictions")
        return result
    }
}
