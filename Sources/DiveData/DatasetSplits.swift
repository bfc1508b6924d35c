import Foundation
import _DiveZlib

/// A dataset's training and test splits, read from one folder, and what identifies their data.
public struct DatasetSplits: Sendable {
    /// The training images, at least one.
    public let train: ImageDataset
    /// The test images, of the same size as the training images.
    public let test: ImageDataset
    /// The absolute path of the folder both splits were read from.
    public let directory: String

    /// The sizes and checksums of both splits, to tell later whether a run still sees the same data.
    public var fingerprint: DataFingerprint { DataFingerprint(train: train, test: test) }
}

/// The sizes and a CRC-32 of a dataset's two splits: cheap to compute (a few milliseconds for
/// Fashion-MNIST) and different whenever the images or labels differ, whatever the files are
/// named or however they are compressed.
public struct DataFingerprint: Codable, Equatable, Sendable, CustomStringConvertible {
    /// One split: how many images of which size, and the CRC-32 of its pixels then its labels.
    public struct Split: Codable, Equatable, Sendable, CustomStringConvertible {
        /// The number of images.
        public var images: Int
        /// Rows per image.
        public var height: Int
        /// Columns per image.
        public var width: Int
        /// Eight lowercase hexadecimal digits.
        public var crc32: String

        /// The figures of `dataset`.
        public init(_ dataset: ImageDataset) {
            images = dataset.count
            height = dataset.height
            width = dataset.width
            var crc = dataset.images.withUnsafeBytes { checksum($0, startingFrom: _DiveZlib.crc32(0, nil, 0)) }
            crc = dataset.labels.map { UInt8(truncatingIfNeeded: $0) }.withUnsafeBytes { checksum($0, startingFrom: crc) }
            let digits = String(crc, radix: 16)
            self.crc32 = String(repeating: "0", count: max(0, 8 - digits.count)) + digits
        }

        /// "60000 images of 28×28, CRC-32 1a2b3c4d".
        public var description: String { "\(images) images of \(height)×\(width), CRC-32 \(crc32)" }
    }

    /// The training split.
    public var train: Split
    /// The test split.
    public var test: Split

    /// The fingerprint of `train` and `test`.
    public init(train: ImageDataset, test: ImageDataset) {
        self.train = Split(train)
        self.test = Split(test)
    }

    /// "training: …; test: …".
    public var description: String { "training: \(train); test: \(test)" }

    /// What differs between `self` and `other`, one phrase per split, e.g.
    /// "training 60000 images of 28×28, CRC-32 … (saved: 500 images of 28×28, CRC-32 …)"; empty when equal.
    public func differences(from saved: DataFingerprint) -> [String] {
        [("training", train, saved.train), ("test", test, saved.test)]
            .filter { $0.1 != $0.2 }
            .map { "\($0.0) \($0.1) (saved: \($0.2))" }
    }

    /// The fingerprint as one line of JSON with sorted keys.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Integers and strings always encode.
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }

    /// The fingerprint in `json`, or nil when it is not one.
    public init?(json: String) {
        guard let decoded = try? JSONDecoder().decode(Self.self, from: Data(json.utf8)) else { return nil }
        self = decoded
    }
}

/// The CRC-32 of `bytes` continuing from `crc`, fed to zlib in slices it can count.
private func checksum(_ bytes: UnsafeRawBufferPointer, startingFrom crc: UInt) -> UInt {
    var crc = crc
    var offset = 0
    while offset < bytes.count {
        let slice = min(bytes.count - offset, 1 << 30)
        crc = _DiveZlib.crc32(crc, bytes.baseAddress!.assumingMemoryBound(to: Bytef.self) + offset, uInt(slice))
        offset += slice
    }
    return crc
}
