import DiveCore
import DiveData
import DiveNN
import DiveOptim

/// A loss for classification: mean over the batch of a loss between logits `[batch, classes]`
/// and one class index per row, returned as a scalar tensor.
public typealias ClassificationLoss = (_ logits: Tensor, _ labels: [Int]) -> Tensor

/// The book's loss for classifiers: cross-entropy of softmax(logits), averaged over the batch.
public func meanCrossEntropy(_ logits: Tensor, _ labels: [Int]) -> Tensor {
    crossEntropy(logits: logits, labels: labels)
}

/// Trains `model` for `epochs` epochs, Keras style, and returns the figures of every epoch.
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
///   - progress: Where to show progress; nil for silence.
///   - epochFinished: Called with each epoch's record (to write history or checkpoints as
///     training goes); an error it throws stops training.
///   - shouldStop: Asked before every batch (a Ctrl-C flag, for example); when it returns true,
///     training stops there by throwing ``TrainingInterrupted``.
/// - Returns: One record per epoch, those of `position` first.
/// - Throws: ``TrainingError/nonFiniteLoss(epoch:batch:loss:learningRate:)`` when a batch's
///   loss is NaN or infinite; the parameters keep the values they had before that batch.
///   ``TrainingInterrupted`` when `shouldStop` asks, with the position to resume from.
public func fit<D: Dataset>(
    _ model: any Layer,
    loss: ClassificationLoss = meanCrossEntropy,
    optimizer: any Optimizer,
    train: DataLoader<D>,
    validation: (any Sequence<LabeledBatch>)? = nil,
    epochs: Int,
    from position: TrainingPosition = TrainingPosition(),
    progress: ProgressDisplay? = nil,
    epochFinished: (EpochRecord) throws -> Void = { _ in },
    shouldStop: () -> Bool = { false }
) throws -> History where D.Batch == LabeledBatch {
    precondition(epochs >= 0, "fit: epochs must be non-negative, got \(epochs)")
    let clock = ContinuousClock()
    var history = position.history
    var resumed: TrainingPosition? = position.batchesDone > 0 ? position : nil
    for epoch in stride(from: history.epochs.count + 1, through: epochs, by: 1) {
        let start = clock.now
        let earlier = resumed?.seconds ?? 0        // spent on this epoch before a resume
        var metric = Accumulator(count: 3)         // summed loss, correct predictions, examples
        let skipped = resumed?.batchesDone ?? 0
        if let resumed { metric.add(resumed.sums[0], resumed.sums[1], resumed.sums[2]) }
        resumed = nil
        progress?.epochStarted(epoch, of: epochs, batchCount: train.batchCount)
        model.train()
        for (index, batch) in train.batches(forEpoch: epoch - 1).enumerated().dropFirst(skipped) {
            if shouldStop() {
                throw TrainingInterrupted(position: TrainingPosition(
                    history: history, batchesDone: index, sums: metric.sums,
                    seconds: earlier + (clock.now - start) / .seconds(1)))
            }
            let logits = model(batch.inputs)
            let batchLoss = loss(logits, batch.labels)
            let value = batchLoss.item()
            guard value.isFinite else {
                optimizer.zeroGrad()
                throw TrainingError.nonFiniteLoss(epoch: epoch, batch: index + 1, loss: value,
                                                  learningRate: optimizer.learningRate)
            }
            batchLoss.backward()
            optimizer.step()
            optimizer.zeroGrad()
            let count = batch.labels.count
            metric.add(Double(value) * Double(count), Double(accuracy(logits: logits, labels: batch.labels)),
                       Double(count))
            progress?.batchFinished(loss: Double(value), examples: count)
        }
        let test = validation.map { evaluate(model, on: $0, loss: loss) }
        let examples = max(metric[2], 1)
        let record = EpochRecord(epoch: epoch, trainLoss: metric[0] / examples, trainAccuracy: metric[1] / examples,
                                 testLoss: test?.loss, testAccuracy: test?.accuracy,
                                 seconds: earlier + (clock.now - start) / .seconds(1))
        history.epochs.append(record)
        progress?.epochFinished(record, of: epochs)
        try epochFinished(record)
    }
    return history
}
