import DiveCore
import DiveNN

/// Updates parameters from their gradients: `optimizer.step()` after `loss.backward()`, then
/// `optimizer.zeroGrad()` before the next batch.
public protocol Optimizer: AnyObject {
    /// The parameters this optimizer updates.
    var parameters: [Parameter] { get }
    /// The step size; schedules change it between epochs.
    var learningRate: Float { get set }
    /// One update of every parameter that has a gradient.
    func step()
}

extension Optimizer {
    /// Forgets the gradients of every parameter.
    public func zeroGrad() { parameters.forEach { $0.zeroGrad() } }
}
