import Foundation

/// A folder holding a tiny dataset in Fashion-MNIST's file names (ten 28×28 images per split,
/// one per class), so that commands run in a fraction of a second; the caller removes it.
func tinyDataset() throws -> URL {
    let directory = try temporaryDirectory()
    for split in ["train", "t10k"] {
        try Data(BadInputTests.images).write(to: directory.appendingPathComponent("\(split)-images-idx3-ubyte"))
        try Data(BadInputTests.labels).write(to: directory.appendingPathComponent("\(split)-labels-idx1-ubyte"))
    }
    return directory
}

/// A safetensors file holding no tensors and `metadata`, as bytes.
func safetensorsBytes(metadata: [String: String]) throws -> Data {
    let header = try JSONSerialization.data(withJSONObject: ["__metadata__": metadata], options: [.sortedKeys])
    return withUnsafeBytes(of: UInt64(header.count).littleEndian) { Data($0) } + header
}
