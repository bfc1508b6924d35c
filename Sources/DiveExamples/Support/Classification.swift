import Dive

// What the image-classification examples share: printing an epoch and the key results of a
// classifier.

extension ExampleOptions {
    /// Prints one epoch's figures on one line, e.g.
    /// `epoch 3, loss 0.512, train acc 0.826, test acc 0.811`.
    func printEpoch(_ record: EpochRecord, of epochs: Int) {
        var line = "epoch \(record.epoch)/\(epochs), loss \(format(record.trainLoss)), train acc \(format(record.trainAccuracy))"
        if let testLoss = record.testLoss { line += ", test loss \(format(testLoss))" }
        if let testAccuracy = record.testAccuracy { line += ", test acc \(format(testAccuracy))" }
        print(line + " (\(format(record.seconds, digits: 1)) s)")
    }

    /// Prints the true classes of the first `predicted.count` images of `dataset`, then the
    /// predicted ones, as the book's `predict_ch3` titles them (true above predicted).
    func printPredictions(of dataset: ImageDataset, predicted: [Int]) {
        print("true:      \(dataset.textLabels(Array(dataset.labels.prefix(predicted.count))))")
        print("predicted: \(dataset.textLabels(predicted))")
    }
}

/// The key results every classifier example reports: the data it ran on, the last epoch's
/// figures, and each epoch's (train loss, train accuracy, test accuracy).
func classifierResult(_ history: History, data: ImageData) -> ExampleResult {
    var result = ExampleResult()
    result["dataset"] = .text(data.name)
    result["train_examples"] = .integer(data.train.count)
    result["test_examples"] = .integer(data.test.count)
    result["epochs"] = .integer(history.epochs.count)
    result["train_loss"] = .number(history.last?.trainLoss ?? .nan)
    result["train_acc"] = .number(history.last?.trainAccuracy ?? .nan)
    if let testLoss = history.last?.testLoss { result["test_loss"] = .number(testLoss) }
    result["test_acc"] = .number(history.last?.testAccuracy ?? .nan)
    result["train_loss_per_epoch"] = .numbers(history.epochs.map(\.trainLoss))
    result["train_acc_per_epoch"] = .numbers(history.epochs.map(\.trainAccuracy))
    result["test_acc_per_epoch"] = .numbers(history.epochs.map { $0.testAccuracy ?? .nan })
    return result
}

/// What the concise classifier examples call where the book calls `d2l.train_ch3(net, …,
/// trainer)`: the library's `fit` on the training batches, evaluating on the test set after
/// every epoch, then `predict` on the first 6 test images; prints each epoch and the
/// predictions, draws the training chart and the predictions, and returns the key results.
func fitAndReport(_ net: any Layer, optimizer: any Optimizer, data: ImageData, batchSize: Int, epochs: Int,
                  seed: UInt64, title: String, options: ExampleOptions) throws -> ExampleResult {
    let (trainIterator, testIterator) = data.loaders(batchSize: batchSize, seed: seed)
    let history = try fit(net, loss: meanCrossEntropy, optimizer: optimizer, train: trainIterator,
                          validation: testIterator, epochs: epochs,
                          callbacks: [LambdaCallback(epochFinished: { options.printEpoch($0, of: epochs) })])

    let firstImages = data.test.batch(at: Array(0..<min(6, data.test.count)))
    let predictions = predict(net, inputs: firstImages.inputs)
    options.printPredictions(of: data.test, predicted: predictions)

    var result = classifierResult(history, data: data)
    result["predictions"] = .texts(data.test.textLabels(predictions))
    result.files += try options.save(LineChart.trainingCurves(history, title: title), as: "curves")
    result.files += try options.save(ImageGrid.predictions(of: data.test, predicted: predictions), as: "predictions")
    return result
}
