import DiveCore
import DiveNN

/// Turns a model's layers into ONNX nodes and initializers, in the order they run, following the
/// shape of one example so that each layer is checked against what reaches it.
struct ONNXGraphBuilder {
    private(set) var nodes: [ONNX.Node] = []
    private(set) var initializers: [ONNX.TensorData] = []
    /// The shape of one example at this point of the model (without the batch axis).
    private(set) var shape: [Int]
    /// The name of the value the next node reads.
    private(set) var current: String

    /// A builder whose graph starts at the value `input`, of shape `[batch] + inputShape`.
    init(input: String, inputShape: [Int]) {
        shape = inputShape
        current = input
    }

    /// Appends the nodes of `layer`, found at `path` in the model (`""` for the model itself).
    mutating func append(_ layer: any Layer, path: String) throws(ONNXExportError) {
        let unsupported = { (reason: String) in
            ONNXExportError.unsupportedLayer(layer: path, description: "\(layer)", reason: reason)
        }
        switch layer {
        case let sequential as Sequential:
            for (index, child) in sequential.layers.enumerated() {
                try append(child, path: path.isEmpty ? "\(index)" : "\(path).\(index)")
            }
        case let flatten as Flatten:
            let rank = shape.count + 1
            let start = flatten.startAxis < 0 ? flatten.startAxis + rank : flatten.startAxis
            let end = flatten.endAxis < 0 ? flatten.endAxis + rank : flatten.endAxis
            guard start == 1, end == rank - 1 else {
                throw unsupported("ONNX's Flatten keeps only the batch axis; this layer flattens axes "
                                  + "\(flatten.startAxis)...\(flatten.endAxis) of a rank-\(rank) input")
            }
            addNode("Flatten", path: path, attributes: [ONNX.Attribute(name: "axis", value: 1)])
            shape = [shape.reduce(1, *)]
        case let linear as Linear:
            guard shape == [linear.inputSize] else {
                throw unsupported("it takes [batch, \(linear.inputSize)], but [batch, "
                                  + shape.map(String.init).joined(separator: ", ") + "] reaches it"
                                  + (shape.count > 1 ? " (add a Flatten before it)" : ""))
            }
            // Gemm computes A·Bᵀ + C with transB = 1: the weight stays [out, in], as in PyTorch.
            var inputs = [current, addInitializer(linear.weight, path: path, name: "weight")]
            if let bias = linear.bias { inputs.append(addInitializer(bias, path: path, name: "bias")) }
            addNode("Gemm", path: path, extraInputs: Array(inputs.dropFirst()),
                    attributes: [ONNX.Attribute(name: "transB", value: 1)])
            shape = [linear.outputSize]
        case is ReLU:
            addNode("Relu", path: path)
        case is Sigmoid:
            addNode("Sigmoid", path: path)
        case is Tanh:
            addNode("Tanh", path: path)
        case let prelu as PReLU:
            // One slope of shape [1], which ONNX broadcasts over every element, as Dive does.
            addNode("PRelu", path: path, extraInputs: [addInitializer(prelu.weight, path: path, name: "weight")])
        case let softmax as Softmax:
            let rank = shape.count + 1
            let axis = softmax.axis < 0 ? softmax.axis + rank : softmax.axis
            guard axis >= 1, axis < rank else {
                throw unsupported("its axis \(softmax.axis) is not one of the axes 1..<\(rank) after the batch axis")
            }
            addSoftmax(axis: axis, path: path)
        case is Dropout:
            break   // the identity at inference, so left out of the graph
        default:
            throw unsupported("ONNX export knows Sequential, Flatten, Linear, ReLU, Sigmoid, Tanh, PReLU, "
                              + "Softmax and Dropout (left out)")
        }
    }

    /// Appends a softmax over the last axis, named `Softmax_output`, for a model that should give
    /// probabilities.
    mutating func appendFinalSoftmax() {
        addSoftmax(axis: shape.count, path: "output")
    }

    /// Appends a softmax over `axis` of `[batch] + shape`, written explicitly: opset 13's default
    /// (the last axis) would be implicit, and earlier opsets' meant something else.
    private mutating func addSoftmax(axis: Int, path: String) {
        addNode("Softmax", path: path, attributes: [ONNX.Attribute(name: "axis", value: Int64(axis))])
    }

    /// Renames the value the graph ends with to `name`: the last node's output, or a new
    /// `Identity` node when the model has none.
    mutating func finish(output name: String) {
        if nodes.isEmpty { addNode("Identity", path: "") }
        nodes[nodes.count - 1].outputs = [name]
        current = name
    }

    /// Adds `parameter` as the initializer `path.name` (PyTorch's `state_dict` name) and returns
    /// that name.
    private mutating func addInitializer(_ parameter: Parameter, path: String, name: String) -> String {
        let fullName = path.isEmpty ? name : "\(path).\(name)"
        let value = parameter.value
        initializers.append(ONNX.TensorData(name: fullName, dims: value.shape, values: value.scalars))
        return fullName
    }

    /// Adds a node applying `opType` to the current value (then `extraInputs`); its output
    /// becomes the current value.
    private mutating func addNode(_ opType: String, path: String, extraInputs: [String] = [],
                                  attributes: [ONNX.Attribute] = []) {
        let name = path.isEmpty ? opType : "\(opType)_\(path)"
        let output = "\(name)_output"
        nodes.append(ONNX.Node(opType: opType, name: name, inputs: [current] + extraInputs, outputs: [output],
                               attributes: attributes))
        current = output
    }
}
