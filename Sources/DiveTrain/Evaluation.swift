import DiveCore
import DiveData
import DiveNN

/// A model's mean loss and accuracy on a set of examples.
public struct Evaluation: Codable, Equatable, Sendable {
    /// The mean loss per example.
    public var loss: Double
    /// The fraction of examples classified correctly, in [0, 1]; NaN for a regression model.
    public var accuracy: Double
    /// How many examples were evaluated.
    public var count: Int

    /// An evaluation with the given figures.
    public init(loss: Double, accuracy: Double, count: Int) {
        self.loss = loss
        self.accuracy = accuracy
        self.count = count
    }
}

/// Evaluates `model` on every batch of `batches`, in evaluation mode and without recording
/// gradients; the model's mode is restored afterwards.
///
/// - Parameters:
///   - model: Maps inputs to logits `[batch, classes]`.
///   - batches: For example `DataLoader(testSet, batchSize: 256, shuffle: false)`.
///   - loss: A mean loss over the batch; cross-entropy by default.
/// - Returns: Loss and accuracy averaged over examples; zeros when there are none.
public func evaluate(_ model: any Layer, on batches: some Sequence<LabeledBatch>,
                     loss: ClassificationLoss = meanCrossEntropy) -> Evaluation {
    inEvaluationMode(model) {
        var totals = MetricTotals()
        for batch in batches {
            let logits = model(batch.inputs)
            totals.add(meanLoss: Double(loss(logits, batch.labels).item()),
                       correct: accuracy(logits: logits, labels: batch.labels), examples: batch.labels.count)
        }
        return Evaluation(loss: totals.meanLoss, accuracy: totals.accuracy, count: totals.examples)
    }
}

/// Evaluates a regression model on batches of inputs and targets (a `DataLoader` over a
/// `TensorDataset`), in evaluation mode and without recording gradients; the model's mode is
/// restored afterwards.
///
/// - Returns: The mean `loss` per example, the number of examples, and a NaN accuracy (there are
///   no classes); a loss of 0 when there are no examples.
public func evaluate(_ model: any Layer, on batches: some Sequence<(inputs: Tensor, targets: Tensor)>,
                     loss: RegressionLoss) -> Evaluation {
    inEvaluationMode(model) {
        var totals = MetricTotals()
        for batch in batches {
            totals.add(meanLoss: Double(loss(model(batch.inputs), batch.targets).item()), examples: batch.targets.shape[0])
        }
        return Evaluation(loss: totals.meanLoss, accuracy: .nan, count: totals.examples)
    }
}

/// The predicted class (the index of the largest logit) of every example in `batches`, in order,
/// computed in evaluation mode without recording gradients; the model's mode is restored.
public func predict(_ model: any Layer, on batches: some Sequence<LabeledBatch>) -> [Int] {
    inEvaluationMode(model) { batches.flatMap { model($0.inputs).argmax(alongAxis: 1) } }
}

/// The predicted class of each row of `inputs` (batch first), computed `batchSize` rows at a time
/// in evaluation mode without recording gradients; the model's mode is restored.
public func predict(_ model: any Layer, inputs: Tensor, batchSize: Int = 256) -> [Int] {
    precondition(batchSize > 0, "predict: batchSize must be positive, got \(batchSize)")
    let rows = inputs.shape.first ?? 0
    return inEvaluationMode(model) {
        stride(from: 0, to: rows, by: batchSize).flatMap { start in
            model(inputs[rows: start..<min(start + batchSize, rows)]).argmax(alongAxis: 1)
        }
    }
}

/// Runs `body` with `model` in evaluation mode and gradients off, then restores the mode.
func inEvaluationMode<R>(_ model: any Layer, _ body: () -> R) -> R {
    model.withTraining(false) { withoutGradients(body) }
}
