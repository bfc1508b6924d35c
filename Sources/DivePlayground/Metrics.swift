/// How well the network does on one part of the data.
public struct PlaygroundMetrics: Equatable, Sendable {
    /// The mean loss (without the regularisation penalty).
    public var loss: Float
    /// The share of points whose output has their label's sign (classification; nil for regression).
    public var accuracy: Float?
    /// Counts `[actual][predicted]` with index 0 for -1 and 1 for +1 (classification only).
    public var confusion: [[Int]]?

    /// Metrics with only a loss (regression, or before anything is measured).
    init(loss: Float) {
        self.loss = loss
    }

    /// Metrics with all three figures.
    init(loss: Float, accuracy: Float?, confusion: [[Int]]?) {
        self.loss = loss
        self.accuracy = accuracy
        self.confusion = confusion
    }

    /// Metrics of `outputs` (displayed values) against `points`' labels for `problem`, with the
    /// mean loss computed by the caller.
    static func measure(outputs: [Float], points: [DataPoint], loss: Float,
                        problem: PlaygroundSettings.Problem) -> PlaygroundMetrics {
        guard problem == .classification else { return PlaygroundMetrics(loss: loss) }
        var confusion = [[0, 0], [0, 0]]
        for (output, point) in zip(outputs, points) {
            confusion[point.label > 0 ? 1 : 0][output >= 0 ? 1 : 0] += 1
        }
        let correct = confusion[0][0] + confusion[1][1]
        return PlaygroundMetrics(loss: loss, accuracy: points.isEmpty ? 0 : Float(correct) / Float(points.count),
                                 confusion: confusion)
    }
}
