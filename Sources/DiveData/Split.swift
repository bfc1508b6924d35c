/// Which part of a dataset to load: the training set or the held-out test set.
public enum Split: String, Sendable, CaseIterable {
    /// The training set (60 000 images for MNIST and Fashion-MNIST).
    case train
    /// The test set (10 000 images).
    case test

    /// The prefix of the standard MNIST-style file names: "train" or "t10k".
    var filePrefix: String { self == .train ? "train" : "t10k" }
}
