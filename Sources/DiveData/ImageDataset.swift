import DiveCore
import _DiveKernels

/// Grayscale images with one class label each, kept as bytes until a batch is gathered.
///
/// Keeping pixels as `UInt8` uses a quarter of the memory of `Float` (47 MB instead of 188 MB for
/// Fashion-MNIST's training set); `batch(at:)` scales them to [0, 1] as the book's `ToTensor` does.
public struct ImageDataset: Dataset, Sendable {
    /// All pixels, image after image, each `height × width` bytes in row-major order.
    public let images: [UInt8]
    /// Rows per image.
    public let height: Int
    /// Columns per image.
    public let width: Int
    /// One class index per image, in `0..<classNames.count`.
    public let labels: [Int]
    /// A readable name per class index, e.g. "ankle boot" for 9 in Fashion-MNIST.
    public let classNames: [String]

    /// A dataset over `images` (`labels.count × height × width` bytes) and their labels.
    ///
    /// Traps when the sizes disagree or a label is not a class index; files are validated by
    /// their readers (`IDXFile`) before they get here.
    public init(images: [UInt8], height: Int, width: Int, labels: [Int], classNames: [String]) {
        precondition(height > 0 && width > 0, "ImageDataset: image size \(height)×\(width) must be positive")
        precondition(images.count == labels.count * height * width,
                     "ImageDataset: \(images.count) pixels for \(labels.count) images of \(height)×\(width)")
        precondition(labels.allSatisfy { (0..<classNames.count).contains($0) },
                     "ImageDataset: labels must lie in 0..<\(classNames.count)")
        self.images = images
        self.height = height
        self.width = width
        self.labels = labels
        self.classNames = classNames
    }

    /// The number of images.
    public var count: Int { labels.count }

    /// The class names of `labels`, like the book's `get_fashion_mnist_labels`.
    public func textLabels(_ labels: [Int]) -> [String] { labels.map { classNames[$0] } }

    /// The pixels of image `index` (`height × width` bytes, row-major).
    public func image(at index: Int) -> [UInt8] {
        let size = height * width
        return Array(images[index * size ..< (index + 1) * size])
    }

    /// The images in `range` as a dataset of their own (e.g. a quick run on the first 1000).
    public func subset(_ range: Range<Int>) -> ImageDataset {
        precondition(range.lowerBound >= 0 && range.upperBound <= count,
                     "ImageDataset.subset: range \(range) outside 0..<\(count)")
        let size = height * width
        return ImageDataset(images: Array(images[range.lowerBound * size ..< range.upperBound * size]),
                            height: height, width: width, labels: Array(labels[range]), classNames: classNames)
    }

    /// The images at `indices` as inputs `[indices.count, 1, height, width]` scaled to [0, 1]
    /// (pixel / 255), with their labels. Traps on an index outside `0..<count`.
    public func batch(at indices: [Int]) -> LabeledBatch {
        let size = height * width
        for index in indices where !(0..<count).contains(index) {
            preconditionFailure("ImageDataset.batch: index \(index) outside 0..<\(count)")
        }
        // Each pixel is divided by 255 (as PyTorch's ToTensor does), in a C loop that fetches the
        // rows ahead of use; a large batch is split over the threads.
        let inputs = images.withUnsafeBufferPointer { pixels in
            Tensor(shape: [indices.count, 1, height, width]) { output in
                indices.withUnsafeBufferPointer { rows in
                    forEachChunk(of: rows.count, minimumPerThread: max(1, 65_536 / max(size, 1))) { part in
                        // Optional pointers: an empty batch has none, and the kernel then copies nothing.
                        dive_gather_bytes(output.baseAddress.map { $0 + part.lowerBound * size }, pixels.baseAddress,
                                          rows.baseAddress.map { $0 + part.lowerBound }, part.count, size, 255)
                    }
                }
            }
        }
        return LabeledBatch(inputs: inputs, labels: indices.map { labels[$0] })
    }
}
