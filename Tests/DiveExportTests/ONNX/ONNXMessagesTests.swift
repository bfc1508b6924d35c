@testable import DiveExport
import Testing

/// Each message's bytes, written out by hand from the field numbers of `onnx/onnx.proto`.
@Suite struct ONNXMessagesTests {
    private func encoded(_ encode: (inout ProtobufWriter) -> Void) -> [UInt8] {
        var writer = ProtobufWriter()
        encode(&writer)
        return writer.bytes
    }

    @Test func anIntegerAttributeHasNameValueAndTypeINT() {
        let bytes = encoded(ONNX.Attribute(name: "axis", value: 1).encode)
        // name (1) "axis", i (3) 1, type (20) INT = 2
        #expect(bytes == [0x0a, 0x04] + Array("axis".utf8) + [0x18, 0x01, 0xa0, 0x01, 0x02])
    }

    @Test func aNodeListsInputsOutputsNameOpTypeAndAttributes() {
        let node = ONNX.Node(opType: "Gemm", name: "g", inputs: ["x", "w"], outputs: ["y"],
                             attributes: [ONNX.Attribute(name: "transB", value: 1)])
        let attribute: [UInt8] = [0x0a, 0x06] + Array("transB".utf8) + [0x18, 0x01, 0xa0, 0x01, 0x02]
        let expected: [UInt8] = [0x0a, 0x01, 0x78, 0x0a, 0x01, 0x77,    // input (1) "x", "w"
                                 0x12, 0x01, 0x79,                      // output (2) "y"
                                 0x1a, 0x01, 0x67]                      // name (3) "g"
            + [0x22, 0x04] + Array("Gemm".utf8)                         // op_type (4)
            + [0x2a, UInt8(attribute.count)] + attribute                // attribute (5)
        #expect(encoded(node.encode) == expected)
    }

    @Test func aTensorHasDimsFloatTypeNameAndLittleEndianRawData() {
        let tensor = ONNX.TensorData(name: "w", dims: [2], values: [1, -2])
        // dims (1) 2, data_type (2) FLOAT = 1, name (8) "w", raw_data (9): 1.0f and -2.0f
        #expect(encoded(tensor.encode) == [0x08, 0x02, 0x10, 0x01, 0x42, 0x01, 0x77,
                                           0x4a, 0x08, 0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x00, 0xc0])
    }

    @Test func aValueInfoNestsTypeTensorTypeAndShapeWithASymbolicBatch() {
        let value = ONNX.ValueInfo(name: "y", shape: [.symbolic("b"), .size(10)])
        let shape: [UInt8] = [0x0a, 0x03, 0x12, 0x01, 0x62,              // dim (1): dim_param (2) "b"
                              0x0a, 0x02, 0x08, 0x0a]                    // dim (1): dim_value (1) 10
        let tensorType: [UInt8] = [0x08, 0x01, 0x12, UInt8(shape.count)] + shape   // elem_type FLOAT, shape
        let type: [UInt8] = [0x0a, UInt8(tensorType.count)] + tensorType           // tensor_type (1)
        #expect(encoded(value.encode) == [0x0a, 0x01, 0x79, 0x12, UInt8(type.count)] + type)
    }

    @Test func aModelWritesVersionsProducerGraphOpsetAndMetadata() {
        let graph = ONNX.Graph(name: "g", nodes: [], initializers: [], inputs: [], outputs: [])
        let model = ONNX.Model(irVersion: 7, opsetVersion: 13, producerName: "D", producerVersion: "1",
                               graph: graph, metadata: [(key: "k", value: "v")])
        let expected: [UInt8] = [0x08, 0x07,                            // ir_version (1) 7
                                 0x12, 0x01, 0x44,                      // producer_name (2) "D"
                                 0x1a, 0x01, 0x31,                      // producer_version (3) "1"
                                 0x3a, 0x03, 0x12, 0x01, 0x67,          // graph (7): name (2) "g"
                                 0x42, 0x04, 0x0a, 0x00, 0x10, 0x0d,    // opset_import (8): domain "", version 13
                                 0x72, 0x06, 0x0a, 0x01, 0x6b, 0x12, 0x01, 0x76]  // metadata_props (14): k, v
        #expect(encoded(model.encode) == expected)
    }
}
