/// Something that follows training and may stop it: `fit` calls every callback in its list at
/// the same moments, as Keras calls its callbacks. Every method does nothing by default; implement
/// the ones you need.
///
/// ```swift
/// let history = try fit(model, optimizer: optimizer, train: loader, epochs: 10, callbacks: [
///     ProgressDisplay(),
///     LambdaCallback(epochFinished: { print($0.epoch, $0.trainLoss) }),
/// ])
/// ```
public protocol Callback {
    /// Epoch `epoch` (from 1) of `epochs` is about to run its `batchCount` batches.
    func epochStarted(_ epoch: Int, of epochs: Int, batchCount: Int)
    /// A training batch of `examples` examples has finished with mean loss `loss`.
    func batchFinished(loss: Double, examples: Int)
    /// Epoch `record.epoch` of `epochs` has finished and been evaluated. An error thrown here
    /// stops training and comes out of `fit`.
    func epochFinished(_ record: EpochRecord, of epochs: Int) throws
    /// Asked before every batch; `true` stops training there (`fit` throws ``TrainingInterrupted``
    /// with the position to resume from).
    var shouldStop: Bool { get }
}

extension Callback {
    /// Does nothing.
    public func epochStarted(_ epoch: Int, of epochs: Int, batchCount: Int) {}
    /// Does nothing.
    public func batchFinished(loss: Double, examples: Int) {}
    /// Does nothing.
    public func epochFinished(_ record: EpochRecord, of epochs: Int) throws {}
    /// Never stops training.
    public var shouldStop: Bool { false }
}

/// A callback made of closures, for one-off hooks (Keras' `LambdaCallback`): code to run after
/// every epoch (to write a history or a checkpoint as training goes) and a condition that stops
/// training (a Ctrl-C flag).
public struct LambdaCallback: Callback {
    private let finished: (EpochRecord) throws -> Void
    private let stop: () -> Bool

    /// A callback running `epochFinished` after every epoch and stopping training before a batch
    /// when `shouldStop` returns true.
    public init(epochFinished: @escaping (EpochRecord) throws -> Void = { _ in },
                shouldStop: @escaping () -> Bool = { false }) {
        finished = epochFinished
        stop = shouldStop
    }

    /// Runs the `epochFinished` closure.
    public func epochFinished(_ record: EpochRecord, of epochs: Int) throws { try finished(record) }

    /// What the `shouldStop` closure returns now.
    public var shouldStop: Bool { stop() }
}

/// The progress display follows training as a callback: a bar per epoch and a line per record.
extension ProgressDisplay: Callback {}
