// Training and evaluation mode. The mode lives only in the layers whose forward pass depends on
// it (Dropout, or a custom layer that checks it, like the book's dropout-from-scratch network);
// layers that behave the same in both modes store nothing, so none of them can hold a stale flag.

/// A layer whose forward pass differs between training and evaluation, such as ``Dropout``.
///
/// The mode is stored here and nowhere else: a model is in training mode when its mode-dependent
/// layers are. A custom layer that reads the mode (the book's `self.training`) conforms with
/// `var isTraining = true` and checks the flag in `callAsFunction`.
public protocol ModeDependentLayer: Layer {
    /// Whether this layer is in training mode. New layers start in training mode, as in PyTorch.
    ///
    /// Setting it changes this layer only; use ``Layer/setTraining(_:)`` to switch a whole model.
    var isTraining: Bool { get set }
}

extension Layer {
    /// Puts every mode-dependent layer reachable from this one (itself included) into training
    /// mode (`true`) or evaluation mode (`false`), like PyTorch's `module.train(mode)`.
    public func setTraining(_ training: Bool) {
        for case let (_, layer as any ModeDependentLayer) in namedLayers { layer.isTraining = training }
    }

    /// Training mode for the whole model: Dropout drops.
    public func train() { setTraining(true) }

    /// Evaluation mode for the whole model: Dropout passes its input through.
    public func eval() { setTraining(false) }

    /// Runs `body` with the whole model in training mode (`true`) or evaluation mode (`false`),
    /// then gives every mode-dependent layer back the mode it had, even when two of them differed.
    public func withTraining<Result>(_ training: Bool, _ body: () throws -> Result) rethrows -> Result {
        let saved = namedLayers.compactMap { $0.layer as? any ModeDependentLayer }.map { ($0, $0.isTraining) }
        setTraining(training)
        defer { for (layer, mode) in saved { layer.isTraining = mode } }
        return try body()
    }
}
