import DiveCore

/// The checks a training checkpoint passes when read, so that a damaged or hostile file is
/// refused with its field named instead of trapping when training resumes.
extension TrainingCheckpoint {
    /// The largest optimizer step count accepted: the largest integer a float32 holds exactly.
    static let maximumStep: Float = 16_777_216

    /// Throws when the training position or the optimizer state cannot be resumed from.
    func validate(path: String) throws(SafetensorsError) {
        let position = training.position
        func invalid(_ reason: String) -> SafetensorsError {
            .invalidHeader(file: path, reason: "the '\(Self.trainingKey)' metadata is not valid: \(reason)")
        }
        let totals = position.totals
        guard totals.lossSum.isFinite, totals.lossSum >= 0 else {
            throw invalid("position.totals.loss_sum is \(totals.lossSum), expected a finite number ≥ 0")
        }
        guard totals.examples >= 0, (0...totals.examples).contains(totals.correct) else {
            throw invalid("position.totals has \(totals.correct) correct of \(totals.examples) examples; "
                          + "expected 0 ≤ correct ≤ examples")
        }
        guard position.batchesDone >= 0 else {
            throw invalid("position.batches_done is \(position.batchesDone), expected 0 or more")
        }
        guard position.seconds.isFinite, position.seconds >= 0 else {
            throw invalid("position.seconds is \(position.seconds), expected a finite number of seconds ≥ 0")
        }
        for (index, record) in position.history.epochs.enumerated() where record.epoch != index + 1 {
            throw invalid("history record \(index + 1) is for epoch \(record.epoch), expected \(index + 1)")
        }
        for name in optimizerState.keys.sorted() {
            let values = optimizerState[name]!.scalars
            if let bad = values.first(where: { !$0.isFinite }) {
                throw .invalidEntry(file: path, tensor: "optimizer.\(name)", reason: "holds \(bad); optimizer state must be finite")
            }
            if name.hasSuffix(".step") {
                guard values.count == 1, let step = values.first, step >= 1, step <= Self.maximumStep,
                      step == step.rounded() else {
                    throw .invalidEntry(file: path, tensor: "optimizer.\(name)",
                                        reason: "a step count must be one whole number from 1 to \(Int(Self.maximumStep)), "
                                            + "got \(values.prefix(4))")
                }
            }
            if name.hasSuffix(".exp_avg_sq"), let negative = values.first(where: { $0 < 0 }) {
                throw .invalidEntry(file: path, tensor: "optimizer.\(name)",
                                    reason: "holds \(negative); squared-gradient averages cannot be negative")
            }
        }
    }
}
