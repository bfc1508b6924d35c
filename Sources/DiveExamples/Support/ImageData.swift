import Dive
import Foundation

/// The training and test images an example runs on, cut to the sizes its options ask for.
struct ImageData {
    /// The name of the dataset, as the book calls it ("Fashion-MNIST" or "MNIST").
    var name: String
    /// The training images (the first `trainingExamples` when the options limit them).
    var train: ImageDataset
    /// The test images (the first `testExamples` when the options limit them).
    var test: ImageDataset

    /// The book's `d2l.load_data_fashion_mnist(batch_size)`: Fashion-MNIST from the usual search
    /// path (``ExampleOptions/dataDirectory`` first), cut to the options' sizes.
    static func fashionMNIST(_ options: ExampleOptions) throws -> ImageData {
        try ImageData(name: "Fashion-MNIST", train: cached(FashionMNIST.name, .train, options) {
            try FashionMNIST.load(.train, dataDirectory: options.dataDirectory)
        }, test: cached(FashionMNIST.name, .test, options) {
            try FashionMNIST.load(.test, dataDirectory: options.dataDirectory)
        }, options: options)
    }

    /// MNIST's handwritten digits when the MNIST loader finds them, else Fashion-MNIST.
    static func mnistOrFashionMNIST(_ options: ExampleOptions) throws -> ImageData {
        do {
            return try ImageData(name: "MNIST", train: cached(MNIST.name, .train, options) {
                try MNIST.load(.train, dataDirectory: options.dataDirectory)
            }, test: cached(MNIST.name, .test, options) {
                try MNIST.load(.test, dataDirectory: options.dataDirectory)
            }, options: options)
        } catch is DatasetError {
            return try fashionMNIST(options)
        }
    }

    private init(name: String, train: ImageDataset, test: ImageDataset, options: ExampleOptions) {
        for case let size? in [options.trainingExamples, options.testExamples] {
            precondition(size > 0, "ExampleOptions: trainingExamples and testExamples must be positive, got \(size)")
        }
        self.name = name
        self.train = train.subset(0..<min(train.count, options.trainingExamples ?? train.count))
        self.test = test.subset(0..<min(test.count, options.testExamples ?? test.count))
    }

    /// Mini-batches of the training images in a new seeded order each epoch, and of the test
    /// images in order (the book's `train_iter` and `test_iter`).
    func loaders(batchSize: Int, seed: UInt64) -> (train: DataLoader<ImageDataset>, test: DataLoader<ImageDataset>) {
        (DataLoader(train, batchSize: batchSize, shuffle: true, seed: seed),
         DataLoader(test, batchSize: max(batchSize, 256), shuffle: false))
    }

    // Datasets already read in this process, by name, split and data directory: a test suite
    // runs several examples on the same images and need read them only once.
    nonisolated(unsafe) private static var cache: [String: ImageDataset] = [:]
    private static let cacheLock = NSLock()

    private static func cached(_ name: String, _ split: Split, _ options: ExampleOptions,
                               load: () throws -> ImageDataset) throws -> ImageDataset {
        let key = "\(name)/\(split.rawValue)/\(options.dataDirectory ?? "")"
        cacheLock.lock()
        defer { cacheLock.unlock() }
        if let dataset = cache[key] { return dataset }
        let dataset = try load()
        cache[key] = dataset
        return dataset
    }
}
