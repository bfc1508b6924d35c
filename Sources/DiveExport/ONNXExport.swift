import DiveCore
import DiveNN

/// Exports a trained model as an ONNX file (opset 13, IR version 7) for inference elsewhere:
/// ONNX Runtime, onnx 1.8 and later, browser runtimes.
///
/// The graph takes `input`, of shape `[batch] + inputShape` with a symbolic `batch`, and gives
/// `logits`, or `probabilities` when ``appendsSoftmax`` is set. Layers map to ONNX operators:
/// `Flatten` → `Flatten` (axis 1), `Linear` → `Gemm` (`transB = 1`, the weight kept `[out, in]`
/// as in PyTorch), `ReLU` → `Relu`, `Sigmoid`, `Tanh`, `PReLU` → `PRelu`, `Softmax` → `Softmax`
/// with its axis; `Sequential`s are followed into; `Dropout` is left out, as at inference. Weights
/// are initializers named as in PyTorch's `state_dict` (`"1.weight"`).
///
/// ```swift
/// try ONNXExport(metadata: ["dataset": "fashion-mnist"]).write(model, to: "model.onnx")
/// ```
public struct ONNXExport: Sendable {
    /// The ONNX IR version written (7: read by onnx 1.8 and later).
    public static let irVersion: Int64 = 7
    /// The version of the default operator set (`ai.onnx`) the graph uses.
    public static let opsetVersion: Int64 = 13
    /// The name of the graph's input.
    public static let inputName = "input"

    /// The shape of one example, without the batch axis; `[1, 28, 28]` for Fashion-MNIST.
    public var inputShape: [Int]
    /// Whether to end the graph with a softmax over the classes, giving `probabilities`.
    public var appendsSoftmax: Bool
    /// Strings stored as the model's `metadata_props` (the training configuration, say), beside
    /// `dive_version`, which is always written.
    public var metadata: [String: String]

    /// An export of examples of shape `inputShape`, with a final softmax when `appendsSoftmax`.
    public init(inputShape: [Int] = [1, 28, 28], appendsSoftmax: Bool = false, metadata: [String: String] = [:]) {
        self.inputShape = inputShape
        self.appendsSoftmax = appendsSoftmax
        self.metadata = metadata
    }

    /// The name of the graph's output: `probabilities` with a final softmax, else `logits`.
    public var outputName: String { appendsSoftmax ? "probabilities" : "logits" }

    /// The ONNX file's bytes for `model`, in inference mode whatever its own mode.
    ///
    /// - Throws: ``ONNXExportError/unsupportedLayer(layer:description:reason:)`` naming the first
    ///   layer ONNX cannot express or that does not fit the shape reaching it;
    ///   ``ONNXExportError/invalidInputShape(_:)``.
    public func serialized(_ model: any Layer) throws(ONNXExportError) -> [UInt8] {
        guard !inputShape.isEmpty, inputShape.allSatisfy({ $0 > 0 }) else {
            throw .invalidInputShape(inputShape)
        }
        var builder = ONNXGraphBuilder(input: Self.inputName, inputShape: inputShape)
        try builder.append(model, path: "")
        if appendsSoftmax { builder.appendFinalSoftmax() }
        builder.finish(output: outputName)
        let batch = ONNX.Dimension.symbolic("batch")
        let graph = ONNX.Graph(
            name: "dive", nodes: builder.nodes, initializers: builder.initializers,
            inputs: [ONNX.ValueInfo(name: Self.inputName, shape: [batch] + inputShape.map(ONNX.Dimension.size))],
            outputs: [ONNX.ValueInfo(name: outputName, shape: [batch] + builder.shape.map(ONNX.Dimension.size))]
        )
        let properties = metadata.merging(["dive_version": DiveVersion.current]) { _, version in version }
        let onnxModel = ONNX.Model(
            irVersion: Self.irVersion, opsetVersion: Self.opsetVersion, producerName: "Dive",
            producerVersion: DiveVersion.current, graph: graph,
            metadata: properties.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
        )
        var writer = ProtobufWriter()
        onnxModel.encode(to: &writer)
        return writer.bytes
    }

    /// Writes `model` as an ONNX file at `path`, atomically: a failure leaves the previous file
    /// (or none), never a truncated one.
    ///
    /// - Throws: The errors of ``serialized(_:)``, before anything is written, and
    ///   ``ONNXExportError/io(file:reason:)``.
    public func write(_ model: any Layer, to path: String) throws(ONNXExportError) {
        let bytes = try serialized(model)
        do {
            try AtomicFile.write(bytes, to: path)
        } catch {
            throw .io(file: path, reason: error.problem)
        }
    }
}
