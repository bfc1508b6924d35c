/// A failure during training that the caller can act on.
public enum TrainingError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The loss became NaN or infinite: the parameters diverged.
    case nonFiniteLoss(epoch: Int, batch: Int, loss: Float, learningRate: Float)

    /// What went wrong, where, and what to try.
    public var description: String {
        switch self {
        case let .nonFiniteLoss(epoch, batch, loss, learningRate):
            // NaN prints as "nan" whatever its sign bit.
            epoch == 1 && batch == 1
                // Before the first step the learning rate has played no part.
                ? "the loss was \(loss.isNaN ? "nan" : "\(loss)") on the first batch, before any update: the initial "
                    + "weights (or the inputs) give outputs that are not finite numbers; try smaller initial weights"
                : "the loss became \(loss.isNaN ? "nan" : "\(loss)") at epoch \(epoch), batch \(batch): training diverged; "
                    + "try a smaller learning rate than \(learningRate)"
        }
    }
}
