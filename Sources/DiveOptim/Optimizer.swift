import DiveCore
import DiveNN

/// Updates parameters from their gradients: `optimizer.step()` after `loss.backward()`, then
/// `optimizer.zeroGrad()` before the next batch.
///
/// Updates run inside `withoutGradients` and change each `Parameter`'s value in place, so the
/// parameter stays the same autograd leaf that the model's next forward pass uses.
public protocol Optimizer: AnyObject {
    /// The parameters this optimizer updates.
    var parameters: [Parameter] { get }
    /// The step size; schedules change it between epochs.
    var learningRate: Float { get set }
    /// One update of every parameter that has a gradient; parameters without one are skipped.
    func step()
    /// The optimizer's per-parameter state for a checkpoint, keyed `"<index>.<name>"` with the
    /// parameter's index in ``parameters`` and PyTorch's name (`"0.momentum_buffer"`,
    /// `"3.exp_avg"`, `"3.step"`). Empty for an optimizer that keeps no state.
    var state: [String: Tensor] { get }
    /// Replaces the state with one saved from ``state`` by an optimizer of the same kind over
    /// parameters of the same shapes, so that training resumes exactly.
    ///
    /// Throws when a key is unknown, names a parameter index out of range, or holds a tensor of
    /// the wrong shape; the state is left unchanged then.
    func loadState(_ state: [String: Tensor]) throws(OptimizerStateError)
}

extension Optimizer {
    /// Forgets the gradients of every parameter.
    public func zeroGrad() { parameters.forEach { $0.zeroGrad() } }

    /// No state: an optimizer without buffers.
    public var state: [String: Tensor] { [:] }

    /// Accepts only an empty state: an optimizer without buffers has nothing to load.
    public func loadState(_ state: [String: Tensor]) throws(OptimizerStateError) {
        if let key = state.keys.sorted().first {
            throw .unexpectedKey(key, expected: "no keys: \(type(of: self)) keeps no state")
        }
    }
}

/// Why a saved optimizer state cannot be loaded.
public enum OptimizerStateError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A key that this optimizer does not use, with the keys it does expect.
    case unexpectedKey(String, expected: String)
    /// A tensor whose shape differs from the parameter it belongs to.
    case shapeMismatch(key: String, expected: [Int], found: [Int])
    /// A parameter with part of its state missing (for Adam, all of `step`, `exp_avg` and
    /// `exp_avg_sq` or none).
    case incomplete(parameter: Int, missing: String)

    /// What is wrong, naming the key, and the likely cause.
    public var description: String {
        switch self {
        case let .unexpectedKey(key, expected):
            "optimizer state: unexpected key \"\(key)\" (expected \(expected)); was it saved by another optimizer or model?"
        case let .shapeMismatch(key, expected, found):
            "optimizer state: \"\(key)\" has shape \(found), expected \(expected); was it saved for another model?"
        case let .incomplete(parameter, missing):
            "optimizer state: parameter \(parameter) lacks \"\(parameter).\(missing)\"; the state is incomplete"
        }
    }
}

/// Splits a state dictionary into per-parameter entries, checking every key and shape.
///
/// - Parameters:
///   - names: The per-parameter entries the optimizer keeps, with each one's shape given the
///     parameter's shape (`{ $0 }` for buffers, `{ _ in [] }` for a step count).
/// - Returns: For each parameter index that has state, its entries by name.
func parseState(_ state: [String: Tensor], parameters: [Parameter],
                names: [String: ([Int]) -> [Int]]) throws(OptimizerStateError) -> [Int: [String: Tensor]] {
    let expected = "keys \"<index>.<name>\" with index in 0..<\(parameters.count) and name in \(names.keys.sorted())"
    var result: [Int: [String: Tensor]] = [:]
    for (key, tensor) in state {
        let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let index = Int(parts[0]), parameters.indices.contains(index),
              let shape = names[parts[1]] else {
            throw .unexpectedKey(key, expected: expected)
        }
        let wanted = shape(parameters[index].shape)
        guard tensor.shape == wanted else { throw .shapeMismatch(key: key, expected: wanted, found: tensor.shape) }
        result[index, default: [:]][parts[1]] = tensor.detached()
    }
    return result
}
