/// A failure during training that the caller can act on.
public enum TrainingError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The loss became NaN or infinite: the parameters diverged.
    case nonFiniteLoss(epoch: Int, batch: Int, loss: Float, learningRate: Float)

    /// What went wrong, where, and what to try.
    public var description: String {
        switch self {
        case let .nonFiniteLoss(epoch, batch, loss, learningRate):
            // NaN prints as "nan" whatever its sign bit.
            "the loss became \(loss.isNaN ? "nan" : "\(loss)") at epoch \(epoch), batch \(batch): training diverged; "
                + "try a smaller learning rate than \(learningRate)"
        }
    }
}
