/// Why a model could not be exported to ONNX, or its file not written.
public enum ONNXExportError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A layer ONNX export cannot express, or one that does not fit the shape reaching it.
    /// `layer` is its path in the model (`"3"`, `"1.0"`; `""` for the model itself) and
    /// `description` what the layer prints.
    case unsupportedLayer(layer: String, description: String, reason: String)
    /// The input shape is not one the model can take (an empty shape or a size below 1).
    case invalidInputShape([Int])
    /// The file at `file` could not be written.
    case io(file: String, reason: String)

    /// One line naming the layer or file, what was expected and what was found.
    public var description: String {
        switch self {
        case let .unsupportedLayer(layer, description, reason):
            let name = layer.isEmpty ? "the model" : "layer '\(layer)'"
            return "\(name) (\(description)) cannot be exported to ONNX: \(reason)"
        case let .invalidInputShape(shape):
            return "ONNX export: the input shape of one example must have sizes of at least 1, got \(shape)"
        case let .io(file, reason):
            return "\(file): \(reason)"
        }
    }
}
