import Foundation

/// LeCun, Cortes and Burges' MNIST: 28×28 grayscale handwritten digits, 60 000 for training
/// and 10 000 for testing.
public enum MNIST {
    /// The folder name used in the search path and by `dive data download`.
    public static let name = "mnist"

    /// The class names by label: the digits "0" to "9".
    public static let classNames = (0..<10).map(String.init)

    static let collection = IDXImageCollection(
        name: name, classNames: classNames, remedies: ["`dive data download mnist`"])

    /// Loads `split` from `dataDirectory` when given, else from `$DIVE_DATA_DIR` when set, else
    /// `~/.cache/dive/mnist`, then `/usr/share/datasets/mnist`.
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
