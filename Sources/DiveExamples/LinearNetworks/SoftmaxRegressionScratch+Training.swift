import Dive

// The training utilities section 3.6 writes by hand and later sections reuse: `accuracy`,
// `evaluate_accuracy`, `train_epoch_ch3`, `train_ch3` and `predict_ch3`. The concise examples
// use the library's `fit`, `evaluate` and `predict` instead, which do the same.

/// How `train_epoch_ch3` updates the parameters after each minibatch, as in the book: a library
/// optimizer steps on the gradient of the mean loss; a hand-written updater (the book's
/// `updater(batch_size)` calling `sgd`) gets the gradient of the summed loss and the batch size.
enum Updater {
    /// `updater.zero_grad(); l.mean().backward(); updater.step()`.
    case optimizer(any Optimizer)
    /// `l.sum().backward(); updater(X.shape[0])`.
    case byHand((_ batchSize: Int) -> Void)
}

/// The book's `accuracy(y_hat, y)`: how many rows of `yHat` have their largest entry at the
/// true label.
func accuracy(_ yHat: Tensor, _ y: [Int]) -> Int {
    zip(yHat.argmax(alongAxis: 1), y).count { $0 == $1 }
}

/// The book's `evaluate_accuracy(net, data_iter)`, with the mean loss beside the accuracy (so
/// that every classifier example prints its test loss): computed without gradients, after
/// `setTraining(false)` (the book's `net.eval()`) when the net has a training mode. `loss`
/// gives one loss per example.
func evaluateCh3(_ net: (Tensor) -> Tensor, _ dataIterator: DataLoader<ImageDataset>, loss: (Tensor, [Int]) -> Tensor,
                 setTraining: (Bool) -> Void = { _ in }) -> (loss: Double, accuracy: Double) {
    setTraining(false)
    var lossSum = 0.0, correct = 0, examples = 0
    withoutGradients {
        for batch in dataIterator.batches(forEpoch: 0) {
            let yHat = net(batch.inputs)
            lossSum += Double(loss(yHat, batch.labels).sum().item())
            correct += accuracy(yHat, batch.labels)
            examples += batch.labels.count
        }
    }
    return (lossSum / Double(examples), Double(correct) / Double(examples))
}

/// The book's `train_epoch_ch3(net, train_iter, loss, updater)`: one pass over the training
/// batches; returns the mean training loss and accuracy. `loss` gives one loss per example.
func trainEpochCh3(_ net: (Tensor) -> Tensor, _ batches: some Sequence<LabeledBatch>,
                   loss: (Tensor, [Int]) -> Tensor, updater: Updater) -> (loss: Double, accuracy: Double) {
    var metric = Accumulator(count: 3)   // summed loss, correct predictions, examples
    for batch in batches {
        let yHat = net(batch.inputs)
        let l = loss(yHat, batch.labels)
        switch updater {
        case let .optimizer(optimizer):
            optimizer.zeroGrad()
            l.mean().backward()
            optimizer.step()
        case let .byHand(update):
            l.sum().backward()
            update(batch.labels.count)
        }
        metric.add(Double(l.sum().item()), Double(accuracy(yHat, batch.labels)), Double(batch.labels.count))
    }
    return (metric[0] / metric[2], metric[1] / metric[2])
}

/// The book's `train_ch3(net, train_iter, test_iter, loss, num_epochs, updater)`: `epochs`
/// epochs of `trainEpochCh3`, each followed by `evaluateCh3` on the test set; prints each
/// epoch and returns them all. `setTraining` switches a net with dropout between training
/// (`net.train()`) and evaluation (`net.eval()`). Like the book's, it does not stop when the
/// loss diverges: the epoch's loss is then NaN.
func trainCh3(_ net: (Tensor) -> Tensor, trainIterator: DataLoader<ImageDataset>,
              testIterator: DataLoader<ImageDataset>, loss: (Tensor, [Int]) -> Tensor, epochs: Int,
              updater: Updater, setTraining: (Bool) -> Void = { _ in }, options: ExampleOptions) -> History {
    let clock = ContinuousClock()
    var history = History()
    for epoch in 1...epochs {
        let start = clock.now
        setTraining(true)
        let train = trainEpochCh3(net, trainIterator.batches(forEpoch: epoch - 1), loss: loss, updater: updater)
        let test = evaluateCh3(net, testIterator, loss: loss, setTraining: setTraining)
        let record = EpochRecord(epoch: epoch, trainLoss: train.loss, trainAccuracy: train.accuracy,
                                 testLoss: test.loss, testAccuracy: test.accuracy, seconds: (clock.now - start) / .seconds(1))
        history.epochs.append(record)
        options.printEpoch(record, of: epochs)
    }
    return history
}

/// The book's `predict_ch3(net, test_iter, n=6)`: the predicted classes of the first `count`
/// test images, computed in evaluation mode without gradients.
func predictCh3(_ net: (Tensor) -> Tensor, _ test: ImageDataset, count: Int = 6,
                setTraining: (Bool) -> Void = { _ in }) -> [Int] {
    setTraining(false)
    let batch = test.batch(at: Array(0..<min(count, test.count)))
    return withoutGradients { net(batch.inputs).argmax(alongAxis: 1) }
}
