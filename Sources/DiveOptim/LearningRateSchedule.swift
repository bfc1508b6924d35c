import Foundation

/// A learning rate that changes with the epoch: set
/// `optimizer.learningRate = schedule.learningRate(atEpoch: epoch, base: baseRate)` before each
/// epoch. Epochs count from 0, where every schedule gives `base`.
public protocol LearningRateSchedule: Sendable {
    /// The learning rate for epoch `epoch` (from 0) when training started at `base`.
    func learningRate(atEpoch epoch: Int, base: Float) -> Float
}

/// Multiplies the learning rate by `gamma` every `stepSize` epochs (PyTorch's `StepLR`):
/// `base · gamma^⌊epoch / stepSize⌋`.
public struct StepLR: LearningRateSchedule, Equatable {
    /// The number of epochs between decays (at least 1).
    public let stepSize: Int
    /// The factor applied at each decay (PyTorch's default 0.1).
    public let gamma: Float

    /// A schedule decaying by `gamma` every `stepSize` epochs; traps when `stepSize < 1`.
    public init(stepSize: Int, gamma: Float = 0.1) {
        precondition(stepSize >= 1, "StepLR: stepSize must be at least 1, got \(stepSize)")
        self.stepSize = stepSize
        self.gamma = gamma
    }

    /// `base · gamma^⌊epoch / stepSize⌋`.
    public func learningRate(atEpoch epoch: Int, base: Float) -> Float {
        base * Foundation.pow(gamma, Float(epoch / stepSize))
    }
}

/// Cosine annealing from the base rate down to `minimumLearningRate` over `totalEpochs`
/// (PyTorch's `CosineAnnealingLR`, closed form):
/// `min + (base - min)·(1 + cos(π·epoch / totalEpochs)) / 2`.
///
/// It reaches the minimum at `epoch == totalEpochs`; like PyTorch's, it rises again after that,
/// so set `totalEpochs` to the length of the run.
public struct CosineAnnealingLR: LearningRateSchedule, Equatable {
    /// The number of epochs from the base rate to the minimum (at least 1).
    public let totalEpochs: Int
    /// The rate reached at `totalEpochs` (PyTorch's `eta_min`, default 0).
    public let minimumLearningRate: Float

    /// A schedule annealing over `totalEpochs`; traps when `totalEpochs < 1`.
    public init(totalEpochs: Int, minimumLearningRate: Float = 0) {
        precondition(totalEpochs >= 1, "CosineAnnealingLR: totalEpochs must be at least 1, got \(totalEpochs)")
        self.totalEpochs = totalEpochs
        self.minimumLearningRate = minimumLearningRate
    }

    /// `min + (base - min)·(1 + cos(π·epoch / totalEpochs)) / 2`.
    public func learningRate(atEpoch epoch: Int, base: Float) -> Float {
        let phase = Double.pi * Double(epoch) / Double(totalEpochs)
        return minimumLearningRate + (base - minimumLearningRate) * Float((1 + cos(phase)) / 2)
    }
}
