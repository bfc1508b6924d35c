import DiveCore

// Weight penalties added to a loss by hand, as in the book's weight-decay chapter.

/// The L2 penalty `Σ w² / 2` of one tensor (the book's `l2_penalty(w)`), a scalar tensor.
public func l2Penalty(_ weights: Tensor) -> Tensor { weights.squared().sum() / 2 }

/// The L2 penalty `Σ w² / 2` over every element of every parameter, a scalar tensor
/// (0 for no parameters). Add `lambda * l2Penalty(model.parameters)` to the loss.
public func l2Penalty(_ parameters: [Parameter]) -> Tensor {
    parameters.reduce(Tensor(0)) { $0 + l2Penalty($1.value) }
}

/// The L1 penalty `Σ |w|` of one tensor, a scalar tensor. Its gradient at exactly 0 is 0.
public func l1Penalty(_ weights: Tensor) -> Tensor { weights.abs().sum() }

/// The L1 penalty `Σ |w|` over every element of every parameter, a scalar tensor
/// (0 for no parameters).
public func l1Penalty(_ parameters: [Parameter]) -> Tensor {
    parameters.reduce(Tensor(0)) { $0 + l1Penalty($1.value) }
}
