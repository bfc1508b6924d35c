import Foundation

/// Where a dataset's files are published, with the MD5 checksums their authors list.
public struct DatasetSource: Sendable {
    /// A file to fetch, with the size and the MD5 it must have.
    public struct RemoteFile: Sendable, Equatable {
        /// The file name, both on the server and on disk, e.g. "train-images-idx3-ubyte.gz".
        public let name: String
        /// The expected MD5, 32 lowercase hexadecimal digits.
        public let md5: String
        /// The file's size in bytes: a download that announces or sends another is refused.
        public let size: Int64
    }

    /// The dataset's folder name, e.g. "fashion-mnist".
    public let name: String
    /// Base URLs tried in order; a file's URL is the base followed by its name.
    public let mirrors: [URL]
    /// The files that make up the dataset.
    public let files: [RemoteFile]

    /// A source with explicit files and checksums (tests serve small files of their own).
    init(name: String, mirrors: [URL], files: [RemoteFile]) {
        self.name = name
        self.mirrors = mirrors
        self.files = files
    }

    /// Fashion-MNIST from the authors' server. Checksums from the "Get the Data" table of the
    /// README at github.com/zalandoresearch/fashion-mnist.
    public static let fashionMNIST = DatasetSource(
        name: FashionMNIST.name,
        mirrors: [URL(string: "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")!],
        files: [
            RemoteFile(name: "train-images-idx3-ubyte.gz", md5: "8d4fb7e6c68d591d4c3dfef9ec88bf0d", size: 26_421_880),
            RemoteFile(name: "train-labels-idx1-ubyte.gz", md5: "25c81989df183df01b3e8a0aad5dffbe", size: 29_515),
            RemoteFile(name: "t10k-images-idx3-ubyte.gz", md5: "bef4ecab320f06d8554ea6380940ec79", size: 4_422_102),
            RemoteFile(name: "t10k-labels-idx1-ubyte.gz", md5: "bb300cfdad3c16e7a12a480ee83cd310", size: 5_148),
        ])

    /// MNIST from Yann LeCun's page, then the copy PyTorch keeps (the original often refuses
    /// downloads). Checksums and the mirror from `MNIST.resources` and `MNIST.mirrors` in
    /// torchvision/datasets/mnist.py (github.com/pytorch/vision).
    public static let mnist = DatasetSource(
        name: MNIST.name,
        mirrors: [URL(string: "http://yann.lecun.com/exdb/mnist/")!,
                  URL(string: "https://ossci-datasets.s3.amazonaws.com/mnist/")!],
        files: [
            RemoteFile(name: "train-images-idx3-ubyte.gz", md5: "f68b3c2dcbeaaa9fbdd348bbdeb94873", size: 9_912_422),
            RemoteFile(name: "train-labels-idx1-ubyte.gz", md5: "d53e105ee54ea40749a09fcbcd1e9432", size: 28_881),
            RemoteFile(name: "t10k-images-idx3-ubyte.gz", md5: "9fb629c4189551a2d022fa330f9573f3", size: 1_648_877),
            RemoteFile(name: "t10k-labels-idx1-ubyte.gz", md5: "ec29112dd5afa0611ce80d1b7f02629c", size: 4_542),
        ])

    /// Every dataset `dive data download` knows.
    public static let all = [fashionMNIST, mnist]

    /// The source called `name` ("fashion-mnist" or "mnist"), or nil.
    public static func named(_ name: String) -> DatasetSource? { all.first { $0.name == name } }

    /// This source with `mirror` as its only base URL (`--mirror`).
    public func replacingMirrors(with mirror: URL) -> DatasetSource {
        DatasetSource(name: name, mirrors: [mirror], files: files)
    }
}
