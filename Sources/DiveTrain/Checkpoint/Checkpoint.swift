import DiveCore
import DiveNN

/// A checkpoint that does not fit the model it is loaded into, listing every difference.
public struct CheckpointMismatch: Error, Equatable, CustomStringConvertible, Sendable {
    /// The checkpoint file.
    public var file: String
    /// One line per differing tensor: missing, unexpected, or of another shape.
    public var problems: [String]

    /// The file, the number of differences, then one indented line per difference.
    public var description: String {
        "\(file) does not fit the model (\(problems.count) difference\(problems.count == 1 ? "" : "s")):\n"
            + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}

extension Layer {
    /// Writes every parameter to a safetensors file at `path`, named as PyTorch's `state_dict`
    /// (``Layer/namedParameters``), as F32, atomically.
    ///
    /// - Parameters:
    ///   - path: The file to write.
    ///   - metadata: Strings to keep beside the weights (architecture, epoch, optimizer).
    public func saveCheckpoint(to path: String, metadata: [String: String] = [:]) throws(SafetensorsError) {
        let tensors = namedParameters.map { (name: $0.name, tensor: $0.parameter.value.detached()) }
        try Safetensors(tensors: tensors, metadata: metadata).write(to: path)
    }

    /// Reads a safetensors file (Dive's or PyTorch's) and loads it into the parameters.
    ///
    /// - Returns: The file's metadata.
    /// - Throws: `SafetensorsError` when the file is unreadable or malformed (integer dtypes
    ///   included); `CheckpointMismatch` listing every missing, unexpected or differently shaped
    ///   tensor, in which case no parameter is changed.
    @discardableResult
    public func loadCheckpoint(from path: String) throws -> [String: String] {
        let file = try Safetensors(contentsOf: path)
        try load(file, from: path)
        return file.metadata
    }

    /// Loads the tensors of `file` (read from `path`, named in errors) into the parameters,
    /// changing none unless every name and shape matches.
    public func load(_ file: Safetensors, from path: String) throws(CheckpointMismatch) {
        let stored = Dictionary(file.tensors.map { ($0.name, $0.tensor) }, uniquingKeysWith: { first, _ in first })
        let parameters = namedParameters
        var problems: [String] = []
        for (name, parameter) in parameters {
            guard let tensor = stored[name] else {
                problems.append("'\(name)' \(parameter.shape) is missing from the checkpoint")
                continue
            }
            if tensor.shape != parameter.shape {
                problems.append("'\(name)' has shape \(tensor.shape) in the checkpoint, the model expects \(parameter.shape)")
            }
        }
        let expected = Set(parameters.map(\.name))
        for (name, tensor) in file.tensors where !expected.contains(name) {
            problems.append("'\(name)' \(tensor.shape) in the checkpoint is not a parameter of the model")
        }
        guard problems.isEmpty else { throw CheckpointMismatch(file: path, problems: problems) }
        for (name, parameter) in parameters {
            // Checked above: every name is present.
            parameter.value = stored[name]!
        }
    }
}
