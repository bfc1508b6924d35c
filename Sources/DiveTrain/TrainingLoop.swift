import DiveCore
import DiveData
import DiveNN
import DiveOptim

/// A loss for classification: mean over the batch of a loss between logits `[batch, classes]`
/// and one class index per row, returned as a scalar tensor.
public typealias ClassificationLoss = (_ logits: Tensor, _ labels: [Int]) -> Tensor

/// A loss for regression: mean over the batch of a loss between predictions and targets of the
/// same shape (`mseLoss(_:_:reduction:)`, `l1Loss(_:_:reduction:)`), as a scalar tensor.
public typealias RegressionLoss = (_ predictions: Tensor, _ targets: Tensor) -> Tensor

/// The book's loss for classifiers: cross-entropy of softmax(logits), averaged over the batch.
public func meanCrossEntropy(_ logits: Tensor, _ labels: [Int]) -> Tensor {
    crossEntropy(logits: logits, labels: labels)
}

/// Trains a classifier for `epochs` epochs, Keras style, and returns the figures of every epoch.
///
/// Each epoch puts the model in training mode and runs the book's step on every batch of
/// `train.batches(forEpoch:)`: forward, loss, `backward()`, `optimizer.step()`,
/// `optimizer.zeroGrad()`. After the epoch it evaluates on `validation`, when given, in
/// evaluation mode. The same four lines written by hand (`for batch in loader { … }`) train
/// the same way; `fit` adds the bookkeeping.
///
/// - Parameters:
///   - model: Maps inputs to logits `[batch, classes]`.
///   - loss: A mean loss over the batch; cross-entropy by default.
///   - optimizer: Updates `model`'s parameters.
///   - train: The training batches; epoch `e` (from 0) uses `train.batches(forEpoch: e)`, so
///     the batch order depends only on the loader's seed and the epoch.
///   - validation: Test or validation batches, evaluated after every epoch; nil for none.
///   - epochs: How many passes over `train` (≥ 0).
///   - position: Where to start: the beginning (default), or a position saved when an earlier
///     run stopped, with the model and optimizer restored to that moment. The batches of a
///     partly done epoch are skipped, so the run continues as if it had never stopped.
///   - callbacks: Follow training and may stop it (``ProgressDisplay``, ``LambdaCallback``),
///     called in this order.
/// - Returns: One record per epoch, those of `position` first.
/// - Throws: ``TrainingError/nonFiniteLoss(epoch:batch:loss:learningRate:)`` when a batch's
///   loss is NaN or infinite; the parameters keep the values they had before that batch.
///   ``TrainingInterrupted`` when a callback asks to stop, with the position to resume from.
///   Whatever a callback's `epochFinished` throws.
public func fit<D: Dataset>(
    _ model: any Layer,
    loss: ClassificationLoss = meanCrossEntropy,
    optimizer: any Optimizer,
    train: DataLoader<D>,
    validation: (any Sequence<LabeledBatch>)? = nil,
    epochs: Int,
    from position: TrainingPosition = TrainingPosition(),
    callbacks: [any Callback] = []
) throws -> History where D.Batch == LabeledBatch {
    try trainingLoop(model, optimizer: optimizer, train: train, epochs: epochs, from: position, callbacks: callbacks,
                     classifies: true,
                     step: { batch in
                         let logits = model(batch.inputs)
                         return (loss(logits, batch.labels), accuracy(logits: logits, labels: batch.labels),
                                 batch.labels.count)
                     },
                     validate: { validation.map { evaluate(model, on: $0, loss: loss) } })
}

/// Trains a regression model for `epochs` epochs on batches of inputs and targets (a
/// `DataLoader` over a `TensorDataset`), as the classifier's `fit` does; no hand-written loop.
///
/// The records' accuracies are NaN (there are no classes); their losses are the mean `loss`
/// per example, on `train` during the epoch and on `validation` after it.
///
/// ```swift
/// let data = syntheticLinearData(weights: Tensor([2, -3.4]), bias: 4.2, count: 1000, using: &generator)
/// let net = Linear(inputSize: 2, outputSize: 1)
/// let history = try fit(net, loss: { mseLoss($0, $1) }, optimizer: SGD(parameters: net.parameters, learningRate: 0.03),
///                       train: DataLoader(data, batchSize: 10), epochs: 3)
/// ```
/// - Parameters: As for classification, with `model` mapping inputs to predictions shaped like
///   the targets and `loss` a ``RegressionLoss``.
/// - Throws: As for classification.
public func fit(
    _ model: any Layer,
    loss: @escaping RegressionLoss,
    optimizer: any Optimizer,
    train: DataLoader<TensorDataset>,
    validation: DataLoader<TensorDataset>? = nil,
    epochs: Int,
    from position: TrainingPosition = TrainingPosition(),
    callbacks: [any Callback] = []
) throws -> History {
    try trainingLoop(model, optimizer: optimizer, train: train, epochs: epochs, from: position, callbacks: callbacks,
                     classifies: false,
                     step: { batch in (loss(model(batch.inputs), batch.targets), 0, batch.targets.shape[0]) },
                     validate: { validation.map { evaluate(model, on: $0, loss: loss) } })
}

/// The loop both `fit`s share. `step` runs the model on a batch and gives its mean loss, how many
/// examples it classified correctly (0 when the model does not `classify`) and how many it has;
/// `validate` evaluates after each epoch.
private func trainingLoop<D: Dataset>(
    _ model: any Layer, optimizer: any Optimizer, train: DataLoader<D>, epochs: Int,
    from position: TrainingPosition, callbacks: [any Callback], classifies: Bool,
    step: (D.Batch) -> (loss: Tensor, correct: Int, examples: Int),
    validate: () -> Evaluation?
) throws -> History {
    precondition(epochs >= 0, "fit: epochs must be non-negative, got \(epochs)")
    let clock = ContinuousClock()
    var history = position.history
    var resumed: TrainingPosition? = position.batchesDone > 0 ? position : nil
    for epoch in stride(from: history.epochs.count + 1, through: epochs, by: 1) {
        let start = clock.now
        let earlier = resumed?.seconds ?? 0        // spent on this epoch before a resume
        var totals = resumed?.totals ?? MetricTotals()
        let skipped = resumed?.batchesDone ?? 0
        resumed = nil
        for callback in callbacks { callback.epochStarted(epoch, of: epochs, batchCount: train.batchCount) }
        model.train()
        for (index, batch) in train.batches(forEpoch: epoch - 1).enumerated().dropFirst(skipped) {
            if callbacks.contains(where: \.shouldStop) {
                throw TrainingInterrupted(position: TrainingPosition(
                    history: history, batchesDone: index, totals: totals,
                    seconds: earlier + (clock.now - start) / .seconds(1)))
            }
            let (batchLoss, correct, examples) = step(batch)
            let value = batchLoss.item()
            guard value.isFinite else {
                optimizer.zeroGrad()
                throw TrainingError.nonFiniteLoss(epoch: epoch, batch: index + 1, loss: value,
                                                  learningRate: optimizer.learningRate)
            }
            batchLoss.backward()
            optimizer.step()
            optimizer.zeroGrad()
            totals.add(meanLoss: Double(value), correct: correct, examples: examples)
            for callback in callbacks { callback.batchFinished(loss: Double(value), examples: examples) }
        }
        let test = validate()
        let record = EpochRecord(epoch: epoch, trainLoss: totals.meanLoss,
                                 trainAccuracy: classifies ? totals.accuracy : .nan,
                                 testLoss: test?.loss, testAccuracy: test?.accuracy,
                                 seconds: earlier + (clock.now - start) / .seconds(1))
        history.epochs.append(record)
        for callback in callbacks { try callback.epochFinished(record, of: epochs) }
    }
    return history
}
