import Foundation

/// A labelled image dataset stored as MNIST does: four IDX files, named
/// `train-images-idx3-ubyte`, `train-labels-idx1-ubyte`, `t10k-images-idx3-ubyte` and
/// `t10k-labels-idx1-ubyte`, each possibly gzipped. MNIST and Fashion-MNIST are two of these.
struct IDXImageCollection: Sendable {
    /// The folder name, e.g. "fashion-mnist".
    let name: String
    /// A name per class index.
    let classNames: [String]
    /// How to get the files, for the not-found message.
    let remedies: [String]

    /// The standard file names (without `.gz`) of `split`: images first, then labels.
    static func fileNames(for split: Split) -> [String] {
        ["\(split.filePrefix)-images-idx3-ubyte", "\(split.filePrefix)-labels-idx1-ubyte"]
    }

    /// Finds and reads `split`, checking that images and labels agree.
    func load(_ split: Split, dataDirectory: String?, environment: [String: String],
              homeDirectory: String) throws -> ImageDataset {
        let locator = DatasetLocator(name: name, remedies: remedies, environment: environment, homeDirectory: homeDirectory)
        let paths = try locator.locate(Self.fileNames(for: split), dataDirectory: dataDirectory)
        return try Self.read(imagesAt: paths[0], labelsAt: paths[1], classNames: classNames)
    }

    /// Finds both splits in one folder and reads them, checking that their images have the same size.
    func loadSplits(dataDirectory: String?, environment: [String: String], homeDirectory: String) throws -> DatasetSplits {
        let locator = DatasetLocator(name: name, remedies: remedies, environment: environment, homeDirectory: homeDirectory)
        let paths = try locator.locate(Self.fileNames(for: .train) + Self.fileNames(for: .test), dataDirectory: dataDirectory)
        let train = try Self.read(imagesAt: paths[0], labelsAt: paths[1], classNames: classNames)
        let test = try Self.read(imagesAt: paths[2], labelsAt: paths[3], classNames: classNames)
        guard train.height == test.height, train.width == test.width else {
            throw DatasetError.imageSizeMismatch(trainFile: paths[0], trainSize: [train.height, train.width],
                                                 testFile: paths[2], testSize: [test.height, test.width])
        }
        let folder = URL(fileURLWithPath: (paths[0] as NSString).deletingLastPathComponent).standardizedFileURL.path
        return DatasetSplits(train: train, test: test, directory: folder)
    }

    /// Reads an image file and its label file into a dataset.
    ///
    /// - Throws: `IDXError` for a malformed file, no images, images of no pixels, a label
    ///   outside `0..<classNames.count`, or image and label counts that differ.
    static func read(imagesAt imagesPath: String, labelsAt labelsPath: String,
                     classNames: [String]) throws(IDXError) -> ImageDataset {
        let images = try IDXFile.read(imagesPath, kind: .images)
        guard images.dimensions[1] > 0, images.dimensions[2] > 0 else {
            throw .emptyImages(file: imagesPath, height: images.dimensions[1], width: images.dimensions[2])
        }
        guard images.dimensions[0] > 0 else { throw .noImages(file: imagesPath) }
        let labelFile = try IDXFile.read(labelsPath, kind: .labels)
        guard images.dimensions[0] == labelFile.dimensions[0] else {
            throw .countMismatch(imagesFile: imagesPath, images: images.dimensions[0],
                                 labelsFile: labelsPath, labels: labelFile.dimensions[0])
        }
        if let index = labelFile.bytes.firstIndex(where: { Int($0) >= classNames.count }) {
            throw .labelOutOfRange(file: labelsPath, index: index, label: Int(labelFile.bytes[index]),
                                   classCount: classNames.count)
        }
        return ImageDataset(images: images.bytes, height: images.dimensions[1], width: images.dimensions[2],
                            labels: labelFile.bytes.map(Int.init), classNames: classNames)
    }
}
