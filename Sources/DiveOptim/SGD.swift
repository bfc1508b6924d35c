import DiveCore
import DiveNN

/// Stochastic gradient descent with optional momentum, Nesterov momentum and weight decay,
/// following PyTorch's `torch.optim.SGD` update exactly (without dampening):
///
/// ```text
/// d = g + weightDecay·w
/// b = d on the first step, else momentum·b + d        (only when momentum > 0)
/// d = d + momentum·b if nesterov, else b              (only when momentum > 0)
/// w = w - learningRate·d
/// ```
public final class SGD: Optimizer {
    /// The parameters this optimizer updates, in the order of the state's indices.
    public let parameters: [Parameter]
    /// The step size (a schedule may change it between epochs).
    public var learningRate: Float
    /// The momentum factor (0: plain SGD).
    public let momentum: Float
    /// Whether to use Nesterov momentum (needs `momentum > 0`).
    public let nesterov: Bool
    /// The L2 weight decay added to each gradient (0: none).
    public let weightDecay: Float
    /// The momentum buffer of each parameter index that has taken a step.
    private var momentumBuffers: [Int: Tensor] = [:]

    /// An optimizer over `parameters` (usually `model.parameters`).
    ///
    /// Traps on a negative learning rate, momentum or weight decay, and on Nesterov without
    /// momentum, as PyTorch refuses them.
    public init(parameters: [Parameter], learningRate: Float, momentum: Float = 0, nesterov: Bool = false,
                weightDecay: Float = 0) {
        precondition(learningRate >= 0, "SGD: learningRate must be >= 0, got \(learningRate)")
        precondition(momentum >= 0, "SGD: momentum must be >= 0, got \(momentum)")
        precondition(weightDecay >= 0, "SGD: weightDecay must be >= 0, got \(weightDecay)")
        precondition(!nesterov || momentum > 0, "SGD: nesterov needs a momentum > 0")
        self.parameters = parameters
        self.learningRate = learningRate
        self.momentum = momentum
        self.nesterov = nesterov
        self.weightDecay = weightDecay
    }

    /// One update of every parameter that has a gradient.
    public func step() {
        withoutGradients {
            for (index, parameter) in parameters.enumerated() {
                guard let gradient = parameter.grad else { continue }
                // Taken out of the dictionary so that the buffer is updated in place, not copied.
                var buffer = momentumBuffers.removeValue(forKey: index)
                parameter.value.sgdStep(gradient: gradient, momentumBuffer: &buffer, learningRate: learningRate,
                                        momentum: momentum, nesterov: nesterov, weightDecay: weightDecay)
                momentumBuffers[index] = buffer
            }
        }
    }

    /// `"<index>.momentum_buffer"` for each parameter that has one (empty without momentum).
    public var state: [String: Tensor] {
        Dictionary(uniqueKeysWithValues: momentumBuffers.map { ("\($0.key).momentum_buffer", $0.value) })
    }

    /// Loads momentum buffers saved from ``state``.
    public func loadState(_ state: [String: Tensor]) throws(OptimizerStateError) {
        let entries = try parseState(state, parameters: parameters, names: ["momentum_buffer": { $0 }])
        momentumBuffers = entries.compactMapValues { $0["momentum_buffer"] }
    }
}
