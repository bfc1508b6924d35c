import Foundation
import DiveCore
import DiveNN

/// Adam (Kingma & Ba), following PyTorch's `torch.optim.Adam` update exactly, with the weight
/// decay either added to the gradient (`decoupled: false`, Adam's L2 penalty) or applied to the
/// weights directly (`decoupled: true`, AdamW):
///
/// ```text
/// t = t + 1
/// g = g + weightDecay·w                 (coupled)    w = w·(1 - learningRate·weightDecay)   (decoupled)
/// m = β1·m + (1 - β1)·g
/// v = β2·v + (1 - β2)·g²
/// w = w - learningRate / (1 - β1ᵗ) · m / (√v / √(1 - β2ᵗ) + ε)
/// ```
/// The step count `t` is kept per parameter, as in PyTorch.
public class Adam: Optimizer {
    /// The parameters this optimizer updates, in the order of the state's indices.
    public let parameters: [Parameter]
    /// The step size (a schedule may change it between epochs).
    public var learningRate: Float
    /// The decay rate of the first-moment (mean) estimate.
    public let beta1: Float
    /// The decay rate of the second-moment (uncentred variance) estimate.
    public let beta2: Float
    /// Added to the denominator for numerical stability.
    public let epsilon: Float
    /// The weight decay factor (0: none).
    public let weightDecay: Float
    /// Whether the weight decay is decoupled from the gradient (AdamW) or added to it (Adam).
    public let decoupled: Bool
    /// The state of each parameter index that has taken a step.
    private var moments: [Int: (step: Int, mean: Tensor, squares: Tensor)] = [:]

    /// An optimizer over `parameters` with PyTorch's defaults.
    ///
    /// Traps on a negative learning rate, epsilon or weight decay and on betas outside `[0, 1)`.
    public init(parameters: [Parameter], learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8, weightDecay: Float = 0, decoupled: Bool = false) {
        precondition(learningRate >= 0, "Adam: learningRate must be >= 0, got \(learningRate)")
        precondition((0..<1).contains(beta1) && (0..<1).contains(beta2),
                     "Adam: beta1 and beta2 must be in [0, 1), got \(beta1) and \(beta2)")
        precondition(epsilon >= 0, "Adam: epsilon must be >= 0, got \(epsilon)")
        precondition(weightDecay >= 0, "Adam: weightDecay must be >= 0, got \(weightDecay)")
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.decoupled = decoupled
    }

    /// One update of every parameter that has a gradient.
    public func step() {
        withoutGradients {
            for (index, parameter) in parameters.enumerated() {
                guard let gradient = parameter.grad else { continue }
                // Taken out of the dictionary so that the moments are updated in place, not copied.
                var (step, mean, squares) = moments.removeValue(forKey: index)
                    ?? (0, Tensor.zeros(parameter.shape), Tensor.zeros(parameter.shape))
                step += 1
                parameter.value.adamStep(gradient: gradient, mean: &mean, squares: &squares, step: step,
                                         learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon,
                                         weightDecay: weightDecay, decoupled: decoupled)
                moments[index] = (step, mean, squares)
            }
        }
    }

    /// `"<index>.step"` (a scalar), `"<index>.exp_avg"` and `"<index>.exp_avg_sq"` for each
    /// parameter that has taken a step, as PyTorch names them.
    public var state: [String: Tensor] {
        var result: [String: Tensor] = [:]
        for (index, entry) in moments {
            result["\(index).step"] = Tensor(Float(entry.step))
            result["\(index).exp_avg"] = entry.mean
            result["\(index).exp_avg_sq"] = entry.squares
        }
        return result
    }

    /// Loads moments and step counts saved from ``state``.
    public func loadState(_ state: [String: Tensor]) throws(OptimizerStateError) {
        let entries = try parseState(state, parameters: parameters,
                                     names: ["step": { _ in [] }, "exp_avg": { $0 }, "exp_avg_sq": { $0 }])
        var loaded: [Int: (step: Int, mean: Tensor, squares: Tensor)] = [:]
        for (index, entry) in entries {
            for name in ["step", "exp_avg", "exp_avg_sq"] where entry[name] == nil {
                throw .incomplete(parameter: index, missing: name)
            }
            loaded[index] = (Int(entry["step"]!.item()), entry["exp_avg"]!, entry["exp_avg_sq"]!)
        }
        moments = loaded
    }
}

/// Adam with decoupled weight decay (Loshchilov & Hutter; PyTorch's `torch.optim.AdamW`):
/// each step first shrinks the weights by `1 - learningRate·weightDecay`, then takes an Adam
/// step on the undecayed gradient.
public final class AdamW: Adam {
    /// An optimizer over `parameters` with PyTorch's AdamW defaults (`weightDecay` 0.01).
    public init(parameters: [Parameter], learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8, weightDecay: Float = 0.01) {
        super.init(parameters: parameters, learningRate: learningRate, beta1: beta1, beta2: beta2,
                   epsilon: epsilon, weightDecay: weightDecay, decoupled: true)
    }
}
