/// The messages of ONNX's `onnx/onnx.proto` that an exported model uses, with only the fields
/// Dive sets. Each `encode` writes the field numbers of `onnx.proto` (named in the comments), so
/// that ONNX's own reader, any protobuf reader in fact, parses the result.
enum ONNX {
    /// `TensorProto.DataType.FLOAT`, the only element type Dive writes.
    static let floatType: Int64 = 1

    /// `ModelProto`: the file's top-level message.
    struct Model {
        var irVersion: Int64
        var opsetVersion: Int64
        var producerName: String
        var producerVersion: String
        var graph: Graph
        /// Keys and values of `metadata_props`, written in this order.
        var metadata: [(key: String, value: String)]

        func encode(to writer: inout ProtobufWriter) {
            writer.writeInteger(1, irVersion)                       // ir_version
            writer.writeString(2, producerName)                     // producer_name
            writer.writeString(3, producerVersion)                  // producer_version
            writer.writeMessage(7, graph.encode)                    // graph
            writer.writeMessage(8) { opset in                       // opset_import: OperatorSetIdProto
                opset.writeString(1, "")                            //   domain: the default, ai.onnx
                opset.writeInteger(2, opsetVersion)                 //   version
            }
            for (key, value) in metadata {
                writer.writeMessage(14) { entry in                  // metadata_props: StringStringEntryProto
                    entry.writeString(1, key)                       //   key
                    entry.writeString(2, value)                     //   value
                }
            }
        }
    }

    /// `GraphProto`: nodes in topological order, weights as initializers, inputs and outputs.
    struct Graph {
        var name: String
        var nodes: [Node]
        var initializers: [TensorData]
        var inputs: [ValueInfo]
        var outputs: [ValueInfo]

        func encode(to writer: inout ProtobufWriter) {
            for node in nodes { writer.writeMessage(1, node.encode) }                // node
            writer.writeString(2, name)                                              // name
            for tensor in initializers { writer.writeMessage(5, tensor.encode) }     // initializer
            for value in inputs { writer.writeMessage(11, value.encode) }            // input
            for value in outputs { writer.writeMessage(12, value.encode) }           // output
        }
    }

    /// `NodeProto`: one operator applied to named values.
    struct Node {
        var opType: String
        var name: String
        var inputs: [String]
        var outputs: [String]
        var attributes: [Attribute] = []

        func encode(to writer: inout ProtobufWriter) {
            for input in inputs { writer.writeString(1, input) }                     // input
            for output in outputs { writer.writeString(2, output) }                  // output
            writer.writeString(3, name)                                              // name
            writer.writeString(4, opType)                                            // op_type
            for attribute in attributes { writer.writeMessage(5, attribute.encode) } // attribute
        }
    }

    /// `AttributeProto` holding one integer (type `INT`), such as Gemm's `transB` or an `axis`.
    struct Attribute {
        var name: String
        var value: Int64

        func encode(to writer: inout ProtobufWriter) {
            writer.writeString(1, name)                             // name
            writer.writeInteger(3, value)                           // i
            writer.writeInteger(20, 2)                              // type: AttributeType.INT
        }
    }

    /// `TensorProto` of float32 values, row-major, stored as little-endian `raw_data`.
    struct TensorData {
        var name: String
        var dims: [Int]
        var values: [Float]

        func encode(to writer: inout ProtobufWriter) {
            for dim in dims { writer.writeInteger(1, Int64(dim)) }  // dims (unpacked, which readers accept)
            writer.writeInteger(2, ONNX.floatType)                  // data_type
            writer.writeString(8, name)                             // name
            var raw: [UInt8] = []
            raw.reserveCapacity(values.count * 4)
            for value in values {
                withUnsafeBytes(of: value.bitPattern.littleEndian) { raw.append(contentsOf: $0) }
            }
            writer.writeBytes(9, raw)                               // raw_data
        }
    }

    /// One dimension of a value's shape: a size, or a name for a size known only when the model
    /// runs (the batch).
    enum Dimension: Equatable {
        case size(Int)
        case symbolic(String)
    }

    /// `ValueInfoProto` of a float32 tensor: a graph input or output with its shape.
    struct ValueInfo {
        var name: String
        var shape: [Dimension]

        func encode(to writer: inout ProtobufWriter) {
            writer.writeString(1, name)                             // name
            writer.writeMessage(2) { type in                        // type: TypeProto
                type.writeMessage(1) { tensor in                    //   tensor_type: TypeProto.Tensor
                    tensor.writeInteger(1, ONNX.floatType)          //     elem_type
                    tensor.writeMessage(2) { shape in               //     shape: TensorShapeProto
                        for dimension in self.shape {
                            shape.writeMessage(1) { dim in          //       dim: Dimension
                                switch dimension {
                                case .size(let size): dim.writeInteger(1, Int64(size))     // dim_value
                                case .symbolic(let name): dim.writeString(2, name)         // dim_param
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
