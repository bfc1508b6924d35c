// Training and evaluation mode. Only some layers behave differently (Dropout), but every
// built-in layer records its mode so that `isTraining` tells the truth after `eval()`.

/// A layer that stores its own training/evaluation mode.
///
/// Every built-in layer conforms. A custom layer whose forward pass depends on the mode (the
/// book's dropout-from-scratch network checks `self.training`) conforms with
/// `var isTraining = true` and reads the flag in `callAsFunction`.
public protocol ModeTrackingLayer: Layer {
    /// Whether this layer is in training mode. New layers start in training mode, as in PyTorch.
    ///
    /// Setting it changes this layer only; use ``Layer/setTraining(_:)`` to switch a whole model.
    var isTraining: Bool { get set }
}

extension Layer {
    /// Puts this layer and every layer reachable from it into training mode (`true`) or
    /// evaluation mode (`false`), like PyTorch's `module.train(mode)`.
    public func setTraining(_ training: Bool) {
        for (_, layer) in namedLayers {
            if let tracking = layer as? any ModeTrackingLayer { tracking.isTraining = training }
        }
    }

    /// Training mode for the whole model: Dropout drops.
    public func train() { setTraining(true) }

    /// Evaluation mode for the whole model: Dropout passes its input through.
    public func eval() { setTraining(false) }

    /// Whether this layer is in training mode.
    ///
    /// A layer that stores no mode (a custom layer that is not a ``ModeTrackingLayer``) reports
    /// whether any layer reachable from it is in training mode, and `true` when none stores a mode.
    public var isTraining: Bool {
        if let tracking = self as? any ModeTrackingLayer { return tracking.isTraining }
        let modes = namedLayers.compactMap { ($0.layer as? any ModeTrackingLayer)?.isTraining }
        return modes.isEmpty || modes.contains(true)
    }
}
