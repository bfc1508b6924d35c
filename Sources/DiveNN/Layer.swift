import DiveCore

/// A building block of a model, called like a function: `let y = layer(x)`.
///
/// A layer keeps its trainable state in `Parameter` properties (found by reflection, see
/// ``Layer/parameters``) and its sublayers in `Layer` or `[any Layer]` properties.
public protocol Layer: AnyObject {
    /// The layer's output for `input`, recording the autograd graph when gradients are on.
    func callAsFunction(_ input: Tensor) -> Tensor
}

/// A trainable tensor, shared by the layer that uses it and the optimizer that updates it.
///
/// Its `value` is an autograd leaf: after `loss.backward()`, `grad` holds `d loss / d value`.
public final class Parameter {
    /// The current value; a leaf that requires a gradient (a tensor assigned here is made one).
    ///
    /// In-place updates (`parameter.value -= …` inside `withoutGradients`, optimizer steps) write
    /// the existing storage without copying it.
    public var value: Tensor {
        get { storedValue }
        set { storedValue = newValue.requiresGrad ? newValue : newValue.requiringGrad() }
        // A mutation in place, unlike get-then-set, leaves the storage uniquely referenced.
        _modify {
            yield &storedValue
            if !storedValue.requiresGrad { storedValue = storedValue.requiringGrad() }
        }
    }

    private var storedValue: Tensor

    /// A parameter starting at `value` (made a leaf that requires a gradient).
    public init(_ value: Tensor) { storedValue = value.detached().requiringGrad() }

    /// The gradient accumulated by backward passes since the last `zeroGrad()`.
    public var grad: Tensor? {
        get { value.grad }
        set { value.grad = newValue }
    }

    /// Forgets the accumulated gradient.
    public func zeroGrad() { value.zeroGrad() }

    /// The shape of the value.
    public var shape: [Int] { value.shape }
}
