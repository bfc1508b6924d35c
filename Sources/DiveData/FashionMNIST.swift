import Foundation

/// Zalando's Fashion-MNIST: 28×28 grayscale pictures of clothes in 10 classes, 60 000 for
/// training and 10 000 for testing (the book's `d2l.FashionMNIST`).
public enum FashionMNIST {
    /// The folder name used in the search path and by `dive data download`.
    public static let name = "fashion-mnist"

    /// The class names by label, as the book's `get_fashion_mnist_labels` gives them.
    public static let classNames = [
        "t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle boot",
    ]

    static let collection = IDXImageCollection(
        name: name, classNames: classNames,
        remedies: ["`dive data download fashion-mnist`", "`apt-get install dataset-fashion-mnist`"])

    /// Loads `split` from `dataDirectory` when given, else from `$DIVE_DATA_DIR` when set, else
    /// `~/.cache/dive/fashion-mnist`, then `/usr/share/datasets/fashion-mnist`.
    ///
    /// - Parameters:
    ///   - split: The training or the test set.
    ///   - dataDirectory: A folder to search first; nil for none.
    ///   - environment: Where `DIVE_DATA_DIR` is read; this process's environment by default.
    ///   - homeDirectory: Whose `.cache/dive` is searched; the user's by default.
    /// - Returns: 28×28 images with labels in `0..<10`.
    /// - Throws: `DatasetError.notFound` (every place looked at, and how to get the data) or an
    ///   `IDXError` for a damaged file.
    public static func load(_ split: Split, dataDirectory: String? = nil,
                            environment: [String: String] = ProcessInfo.processInfo.environment,
                            homeDirectory: String = NSHomeDirectory()) throws -> ImageDataset {
        try collection.load(split, dataDirectory: dataDirectory, environment: environment, homeDirectory: homeDirectory)
    }

    /// Loads both splits from one folder, found as ``load(_:dataDirectory:environment:homeDirectory:)``
    /// finds one, and checks that their images have the same size.
    ///
    /// - Throws: `DatasetError` (not found, files missing from the given folder, image sizes that
    ///   differ) or an `IDXError` (a damaged file, no images, images of no pixels).
    public static func loadSplits(dataDirectory: String? = nil,
                                  environment: [String: String] = ProcessInfo.processInfo.environment,
                                  homeDirectory: String = NSHomeDirectory()) throws -> DatasetSplits {
        try collection.loadSplits(dataDirectory: dataDirectory, environment: environment, homeDirectory: homeDirectory)
    }
}
