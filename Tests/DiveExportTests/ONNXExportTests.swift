import DiveCore
@testable import DiveExport
import DiveNN
import Foundation
import Testing

/// Exported models parsed back with the tests' own protobuf reader.
@Suite struct ONNXExportTests {
    /// `Flatten → Linear(4, 3) → PReLU → Dropout → Linear(3, 2)` on 1×2×2 images.
    private func model() -> Sequential {
        Sequential(Flatten(), Linear(inputSize: 4, outputSize: 3), PReLU(initialSlope: 0.5),
                   Dropout(probability: 0.5), Linear(inputSize: 3, outputSize: 2))
    }

    private func parsed(_ export: ONNXExport, _ model: any Layer) throws -> ProtobufFields {
        try #require(ProtobufFields(try export.serialized(model)))
    }

    private func graph(of fields: ProtobufFields) throws -> ProtobufFields {
        try #require(fields.messages(7).first)
    }

    @Test func theModelRecordsIRVersion7Opset13AndTheProducer() throws {
        let fields = try parsed(ONNXExport(inputShape: [1, 2, 2]), model())
        #expect(fields.integers(1) == [7])
        let opset = try #require(fields.messages(8).first)
        #expect(opset.strings(1) == [""])
        #expect(opset.integers(2) == [13])
        #expect(fields.strings(2) == ["Dive"])
        #expect(fields.strings(3) == [DiveVersion.current])
    }

    @Test func layersBecomeNodesInOrderWithDropoutLeftOut() throws {
        let nodes = try graph(of: parsed(ONNXExport(inputShape: [1, 2, 2]), model())).messages(1)
        #expect(nodes.map { $0.strings(4).first ?? "" } == ["Flatten", "Gemm", "PRelu", "Gemm"])
        #expect(nodes[0].strings(1) == ["input"])
        // Each node reads the previous one's output; the last gives `logits`.
        for (previous, node) in zip(nodes, nodes.dropFirst()) {
            #expect(node.strings(1).first == previous.strings(2).first)
        }
        #expect(nodes[1].strings(1) == ["Flatten_0_output", "1.weight", "1.bias"])
        #expect(nodes[2].strings(1) == ["Gemm_1_output", "2.weight"])
        #expect(nodes[3].strings(2) == ["logits"])
        let gemmAttribute = try #require(nodes[1].messages(5).first)
        #expect(gemmAttribute.strings(1) == ["transB"])
        #expect(gemmAttribute.integers(3) == [1])
        let flattenAttribute = try #require(nodes[0].messages(5).first)
        #expect(flattenAttribute.strings(1) == ["axis"])
        #expect(flattenAttribute.integers(3) == [1])
    }

    @Test func weightsAreInitializersNamedAsInPyTorchWithTheirValues() throws {
        let network = model()
        let initializers = try graph(of: parsed(ONNXExport(inputShape: [1, 2, 2]), network)).messages(5)
        #expect(initializers.map { $0.strings(8).first ?? "" } == ["1.weight", "1.bias", "2.weight", "4.weight", "4.bias"])
        for (tensor, (name, parameter)) in zip(initializers, network.namedParameters) {
            #expect(tensor.integers(1).map(Int.init) == parameter.value.shape, "\(name)")
            #expect(tensor.integers(2) == [1], "\(name): FLOAT")
            let raw = try #require(tensor.bytes(9).first)
            let values = stride(from: 0, to: raw.count, by: 4).map { offset in
                Float(bitPattern: raw[offset ..< offset + 4].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
            }
            #expect(values == parameter.value.scalars, "\(name)")
        }
    }

    @Test func theInputAndOutputHaveASymbolicBatch() throws {
        let graph = try graph(of: parsed(ONNXExport(inputShape: [1, 2, 2]), model()))
        func signature(_ value: ProtobufFields) throws -> (String, [String]) {
            let tensorType = try #require(value.messages(2).first?.messages(1).first)
            #expect(tensorType.integers(1) == [1])
            let dims = try #require(tensorType.messages(2).first).messages(1)
            return (value.strings(1).first ?? "", dims.map { $0.strings(2).first ?? "\($0.integers(1).first ?? -1)" })
        }
        let input = try signature(try #require(graph.messages(11).first))
        #expect(input.0 == "input" && input.1 == ["batch", "1", "2", "2"])
        let output = try signature(try #require(graph.messages(12).first))
        #expect(output.0 == "logits" && output.1 == ["batch", "2"])
    }

    @Test func aFinalSoftmaxGivesProbabilitiesOverAnExplicitAxis() throws {
        let graph = try graph(of: parsed(ONNXExport(inputShape: [1, 2, 2], appendsSoftmax: true), model()))
        let last = try #require(graph.messages(1).last)
        #expect(last.strings(4) == ["Softmax"])
        #expect(last.strings(1) == ["Gemm_4_output"])
        #expect(last.strings(2) == ["probabilities"])
        #expect(last.messages(5).first?.integers(3) == [1])
        #expect(graph.messages(12).first?.strings(1) == ["probabilities"])
    }

    @Test func metadataPropsHoldTheCallersStringsAndTheDiveVersion() throws {
        let fields = try parsed(ONNXExport(inputShape: [1, 2, 2], metadata: ["dataset": "fashion-mnist"]), model())
        let pairs = fields.messages(14).map { ($0.strings(1).first ?? "", $0.strings(2).first ?? "") }
        #expect(pairs.map(\.0) == ["dataset", "dive_version"])
        #expect(pairs.map(\.1) == ["fashion-mnist", DiveVersion.current])
    }

    @Test func sigmoidTanhReluAndSoftmaxLayersMapToTheirOperators() throws {
        let network = Sequential(Flatten(), Sequential(Linear(inputSize: 4, outputSize: 4), Sigmoid()),
                                 Tanh(), ReLU(), Linear(inputSize: 4, outputSize: 2, bias: false),
                                 Softmax(axis: -1))
        let nodes = try graph(of: parsed(ONNXExport(inputShape: [1, 2, 2]), network)).messages(1)
        #expect(nodes.map { $0.strings(4).first ?? "" } == ["Flatten", "Gemm", "Sigmoid", "Tanh", "Relu", "Gemm", "Softmax"])
        #expect(nodes[1].strings(1) == ["Flatten_0_output", "1.0.weight", "1.0.bias"])
        #expect(nodes[5].strings(1) == ["Relu_3_output", "4.weight"])
        #expect(nodes[6].messages(5).first?.integers(3) == [1])
    }

    @Test func aModelOfFeatureVectorsNeedsNoFlatten() throws {
        // The XOR example's shape: two features in, one score out.
        let network = Sequential(Linear(inputSize: 2, outputSize: 2), Sigmoid(),
                                 Linear(inputSize: 2, outputSize: 1))
        let graph = try graph(of: parsed(ONNXExport(inputShape: [2]), network))
        #expect(graph.messages(1).map { $0.strings(4).first ?? "" } == ["Gemm", "Sigmoid", "Gemm"])
        #expect(graph.messages(1).first?.strings(1).first == "input")
        let outputDims = try #require(graph.messages(12).first?.messages(2).first?.messages(1).first?.messages(2).first)
        #expect(outputDims.messages(1).map { $0.integers(1) } == [[], [1]])
    }
}
