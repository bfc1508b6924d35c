import DiveCore
import Foundation

/// What the page draws, as one JSON message: the settings' hash, the readouts, the loss curve,
/// the output's heatmap, a thumbnail for every neuron, the weights and (when they changed) the
/// points.
///
/// Heatmaps are grids over [-6, 6]², row 0 at the top (x₂ = 6), each value clamped to [-1, 1]
/// and sent as one byte (`(v + 1) · 127.5`), base64-encoded. The thumbnails are computed on
/// their own 20×20 grid, so a frame runs the network on 10,000 + 400 points.
struct PlaygroundFrame: Encodable {
    /// Cells per side of the output's heatmap.
    static let outputSize = 100
    /// Cells per side of a neuron's thumbnail.
    static let neuronSize = 20

    struct Metrics: Encodable {
        var loss: Float?
        var accuracy: Float?
        var confusion: [[Int]]?
    }

    struct Points: Encodable {
        var train: [[Float]]
        var test: [[Float]]
    }

    let type = "state"
    var session: String
    var hash: String
    var playing: Bool
    var epoch: Int
    var divergence: String?
    var notice: String?
    var ownData: Bool
    var train: Metrics
    var test: Metrics
    var lossHistory: [[Float?]]
    var outputSize = PlaygroundFrame.outputSize
    var neuronSize = PlaygroundFrame.neuronSize
    var output: String
    /// Thumbnails: the features first, then each hidden layer's neurons.
    var neurons: [[String]]
    var weights: [[[Float]]]
    var biases: [[Float]]
    var points: Points?

    /// The frame of `trainer`'s current state; `includePoints` adds the data.
    init(session: String, trainer: PlaygroundTrainer, playing: Bool, notice: String?, includePoints: Bool) {
        self.session = session
        hash = trainer.settings.hash
        self.playing = playing
        epoch = trainer.epoch
        divergence = trainer.divergence
        self.notice = notice
        ownData = trainer.ownData
        let (trainMetrics, testMetrics) = trainer.latestMetrics
        train = Metrics(trainMetrics)
        test = Metrics(testMetrics)
        lossHistory = Self.thinned(trainer.lossHistory, to: 300).map { [Self.finite($0.train), Self.finite($0.test)] }
        output = Self.encode(trainer.network.outputs(trainer.grids.output))
        let thumbnails = trainer.grids.thumbnails   // [400, features]: column f is feature f's thumbnail
        let featureThumbnails = Self.columns(thumbnails.scalars, width: trainer.settings.features.count).map(Self.encode)
        neurons = [featureThumbnails] + trainer.network.activations(thumbnails).dropLast().map { $0.map(Self.encode) }
        (weights, biases) = trainer.network.weights
        if includePoints {
            points = Points(train: trainer.train.map { [$0.x, $0.y, $0.label] },
                            test: trainer.test.map { [$0.x, $0.y, $0.label] })
        }
    }

    /// The JSON text of the frame.
    func json() -> String {
        // A diverged network has NaN or infinite losses and weights: they go as strings, which
        // the page shows as they are, rather than making the encoder fail and the page stall.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes   // base64 is full of them: "\/" makes the text longer
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity",
                                                                      negativeInfinity: "-Infinity", nan: "NaN")
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The points of an `n`×`n` grid spanning [-6, 6]² and their features `[n², features]`.
    static func gridInputs(_ settings: PlaygroundSettings, size n: Int) -> Tensor {
        let coordinate = { (i: Int) in -6 + 12 * Float(i) / Float(n - 1) }
        let x = (0..<(n * n)).map { coordinate($0 % n) }
        let y = (0..<(n * n)).map { coordinate(n - 1 - $0 / n) }
        let points = zip(x, y).map { DataPoint(x: $0, y: $1, label: 0) }
        return PlaygroundTrainer.tensors(points, settings).0
    }

    /// The columns of a row-major matrix with `width` columns.
    static func columns(_ values: [Float], width: Int) -> [[Float]] {
        (0..<width).map { column in stride(from: column, to: values.count, by: width).map { values[$0] } }
    }

    /// Values clamped to [-1, 1], one byte each, base64.
    static func encode(_ values: [Float]) -> String {
        Data(values.map { value in
            let clamped = value.isNaN ? 0 : Swift.min(Swift.max(value, -1), 1)
            return UInt8(((clamped + 1) * 127.5).rounded())
        }).base64EncodedString()
    }

    private static func finite(_ value: Float) -> Float? { value.isFinite ? value : nil }

    /// At most `limit` entries, evenly spaced, the last one always kept.
    private static func thinned<T>(_ values: [T], to limit: Int) -> [T] {
        guard values.count > limit else { return values }
        let stride = Double(values.count - 1) / Double(limit - 1)
        return (0..<limit).map { values[Int((Double($0) * stride).rounded())] }
    }
}

extension PlaygroundFrame.Metrics {
    init(_ metrics: PlaygroundMetrics) {
        self.init(loss: metrics.loss.isFinite ? metrics.loss : nil, accuracy: metrics.accuracy, confusion: metrics.confusion)
    }
}
