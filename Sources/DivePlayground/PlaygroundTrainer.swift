import DiveCore
import DiveNN
import DiveOptim

/// One playground's data, network and optimizer: trains epoch by epoch with Dive's autograd and
/// optimizers, and measures what the page shows. Not thread-safe: its owner serialises calls.
public final class PlaygroundTrainer {
    /// The settings in use.
    public private(set) var settings: PlaygroundSettings
    /// The training points.
    public private(set) var train: [DataPoint]
    /// The test points.
    public private(set) var test: [DataPoint]
    /// Whether the points are the user's own (clicked or uploaded) rather than generated.
    public private(set) var ownData = false
    /// Epochs trained since the network was made.
    public private(set) var epoch = 0
    /// Train and test loss after each epoch (and at epoch 0).
    public private(set) var lossHistory: [(train: Float, test: Float)] = []
    /// Set when the loss stopped being finite; cleared by a reset.
    public private(set) var divergence: String?
    var network: PlaygroundNetwork
    private var optimizer: any Optimizer
    /// The training points as batches of features `[batch, features]` and labels `[batch, 1]`.
    private var batches: [(inputs: Tensor, targets: Tensor)] = []
    /// All training and all test points as features and labels, for the metrics.
    private var whole: (train: (Tensor, Tensor), test: (Tensor, Tensor)) = ((Tensor(0), Tensor(0)), (Tensor(0), Tensor(0)))
    /// The features of the output's grid and of the thumbnails' grid, for the frames.
    private(set) var grids: (output: Tensor, thumbnails: Tensor) = (Tensor(0), Tensor(0))

    /// A trainer for `settings` with freshly generated data and weights.
    public init(settings: PlaygroundSettings) {
        self.settings = settings
        let (train, test) = settings.generateData()
        let network = PlaygroundNetwork(settings: settings)
        (self.train, self.test, self.network) = (train, test, network)
        optimizer = Self.makeOptimizer(settings, network)
        prepareTensors()
        recordLoss()
    }

    /// Applies new settings: the data is drawn again when the data settings changed (unless it
    /// is the user's own), the network is made again when its shape, features or training
    /// settings changed, and the learning rate and regularisation apply from the next step.
    public func apply(_ newSettings: PlaygroundSettings) {
        let old = settings
        settings = newSettings
        let dataChanged = old.activeDataset != newSettings.activeDataset || old.noise != newSettings.noise
            || old.seed != newSettings.seed || old.problem != newSettings.problem
        if dataChanged { ownData = false }
        if dataChanged || old.percTrainData != newSettings.percTrainData {
            if ownData { (train, test) = newSettings.split(train + test) } else { (train, test) = newSettings.generateData() }
        }
        let networkChanged = dataChanged || old.features != newSettings.features
            || old.networkShape != newSettings.networkShape || old.activation != newSettings.activation
            || old.initZero != newSettings.initZero || old.effectiveLoss != newSettings.effectiveLoss
            || old.dropout != newSettings.dropout || old.optimizer != newSettings.optimizer
        if networkChanged || old.percTrainData != newSettings.percTrainData {
            reset()
        } else {
            optimizer = Self.rebuildingLearningRate(optimizer, newSettings)
            prepareTensors()
        }
    }

    /// New weights, epoch 0, an empty loss history; the data stays.
    public func reset() {
        network = PlaygroundNetwork(settings: settings)
        optimizer = Self.makeOptimizer(settings, network)
        prepareTensors()
        epoch = 0
        divergence = nil
        lossHistory = []
        recordLoss()
    }

    /// Replaces the data with the user's own points (split by `percTrainData`) and resets.
    public func useOwnData(_ points: [DataPoint]) {
        ownData = true
        (train, test) = settings.split(points)
        reset()
    }

    /// Adds one of the user's points to the training data (the network keeps training).
    public func addPoint(_ point: DataPoint) {
        ownData = true
        train.append(point)
        prepareTensors()
        latestMetrics = metrics()
    }

    /// Trains one epoch: one pass over the training points in batches of `batchSize`, each an
    /// optimizer step. Does nothing once the loss has diverged. Returns whether training may go on.
    @discardableResult
    public func trainEpoch() -> Bool {
        guard divergence == nil, !train.isEmpty else { return false }
        trainSteps(batches)
        epoch += 1
        recordLoss()
        if let last = lossHistory.last, !(last.train.isFinite && last.test.isFinite) {
            let what = last.train.isNaN || last.test.isNaN ? "NaN" : "infinite"
            divergence = "loss became \(what) at epoch \(epoch): lower the learning rate"
            return false
        }
        return true
    }

    /// One optimizer step per batch: loss (plus penalty), gradients, update.
    func trainSteps(_ batches: [(inputs: Tensor, targets: Tensor)]) {
        network.model.train()
        for (inputs, targets) in batches {
            let loss = lossValue(network(inputs), targets) + penalty()
            optimizer.zeroGrad()
            loss.backward()
            optimizer.step()
        }
    }

    /// Whether the stop condition (epoch or test loss) is met.
    public var stopConditionMet: Bool {
        guard let last = lossHistory.last else { return false }
        return (settings.stopEpoch > 0 && epoch >= settings.stopEpoch) || (settings.stopLoss > 0 && last.test <= settings.stopLoss)
    }

    /// Loss, accuracy and confusion on the training and the test points, as of the last change
    /// (measured once per epoch, reset, or edit of a weight or of the data).
    public private(set) var latestMetrics = (train: PlaygroundMetrics(loss: 0), test: PlaygroundMetrics(loss: 0))

    /// Loss, accuracy and confusion on the training and the test points, measured now.
    public func metrics() -> (train: PlaygroundMetrics, test: PlaygroundMetrics) {
        (measure(train, whole.train), measure(test, whole.test))
    }

    /// Sets one weight (see ``PlaygroundNetwork/setWeight(layer:to:from:value:)``).
    public func setWeight(layer: Int, to: Int, from: Int, value: Float) -> Bool {
        guard network.setWeight(layer: layer, to: to, from: from, value: value) else { return false }
        latestMetrics = metrics()
        return true
    }

    /// Remakes the tensors the data and the features give: after any change to either.
    private func prepareTensors() {
        batches = Self.batches(train, settings)
        whole = (Self.tensors(train, settings), Self.tensors(test, settings))
        grids = (PlaygroundFrame.gridInputs(settings, size: PlaygroundFrame.outputSize),
                 PlaygroundFrame.gridInputs(settings, size: PlaygroundFrame.neuronSize))
    }

    private func measure(_ points: [DataPoint], _ tensors: (Tensor, Tensor)) -> PlaygroundMetrics {
        guard !points.isEmpty else { return PlaygroundMetrics.measure(outputs: [], points: [], loss: 0, problem: settings.problem) }
        let (inputs, targets) = tensors
        network.model.eval()
        defer { network.model.train() }
        let (outputs, loss) = withoutGradients {
            let raw = network(inputs)
            return (raw.scalars.map(network.displayed), lossValue(raw, targets).item())
        }
        return PlaygroundMetrics.measure(outputs: outputs, points: points, loss: loss, problem: settings.problem)
    }

    private func recordLoss() {
        latestMetrics = metrics()
        lossHistory.append((latestMetrics.train.loss, latestMetrics.test.loss))
    }

    /// The mean loss of raw outputs `[n, 1]` against labels `[n, 1]`: half the squared error, as
    /// the TensorFlow Playground, or binary cross-entropy on the logits with labels ±1 → 1/0.
    private func lossValue(_ outputs: Tensor, _ targets: Tensor) -> Tensor {
        switch settings.effectiveLoss {
        case .squared: mseLoss(outputs, targets) * 0.5
        case .crossEntropy: binaryCrossEntropy(logits: outputs, targets: (targets + 1) * 0.5)
        }
    }

    private func penalty() -> Tensor {
        let weights = network.linears.map(\.weight)
        switch settings.regularization {
        case .none: return Tensor(0)
        case .L1: return l1Penalty(weights) * settings.regularizationRate
        case .L2: return l2Penalty(weights) * settings.regularizationRate
        }
    }

    /// Features `[n, features]` and labels `[n, 1]` of `points`.
    static func tensors(_ points: [DataPoint], _ settings: PlaygroundSettings) -> (Tensor, Tensor) {
        let features = settings.orderedFeatures
        let values = points.flatMap { point in features.map { $0.value(x: point.x, y: point.y) } }
        return (Tensor(values, shape: [points.count, features.count]), Tensor(points.map(\.label), shape: [points.count, 1]))
    }

    /// The points in batches of `batchSize`, in order (the data was shuffled when drawn).
    static func batches(_ points: [DataPoint], _ settings: PlaygroundSettings) -> [(inputs: Tensor, targets: Tensor)] {
        stride(from: 0, to: points.count, by: settings.batchSize).map { start in
            tensors(Array(points[start..<min(start + settings.batchSize, points.count)]), settings)
        }
    }

    private static func makeOptimizer(_ settings: PlaygroundSettings, _ network: PlaygroundNetwork) -> any Optimizer {
        let parameters = network.model.parameters
        switch settings.optimizer {
        case .sgd: return SGD(parameters: parameters, learningRate: settings.learningRate)
        case .momentum: return SGD(parameters: parameters, learningRate: settings.learningRate, momentum: 0.9)
        case .adam: return Adam(parameters: parameters, learningRate: settings.learningRate)
        }
    }

    /// The same optimizer, its state kept, with the new learning rate.
    private static func rebuildingLearningRate(_ optimizer: any Optimizer, _ settings: PlaygroundSettings) -> any Optimizer {
        optimizer.learningRate = settings.learningRate
        return optimizer
    }
}
