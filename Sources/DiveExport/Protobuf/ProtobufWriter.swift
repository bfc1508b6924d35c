/// Writes protocol buffer messages in the binary wire format, field by field.
///
/// Only what ONNX export needs: varints (wire type 0) for integers and enums, and
/// length-delimited fields (wire type 2) for strings, bytes and embedded messages. A field is a
/// key, `field number << 3 | wire type` as a varint, then its value. Fields are written in the
/// order they are given; readers accept any order. Nothing is written for a field the caller
/// skips, which is how protobuf leaves an optional field unset.
struct ProtobufWriter {
    /// The message so far.
    private(set) var bytes: [UInt8] = []

    /// The wire types this writer uses.
    enum WireType: UInt64 {
        case varint = 0
        case lengthDelimited = 2
    }

    /// Appends `value` as a base-128 varint: seven bits a byte, least significant first, the
    /// high bit set on every byte but the last.
    mutating func appendVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Appends the key of field `number` with `wireType`.
    mutating func appendKey(_ number: Int, _ wireType: WireType) {
        appendVarint(UInt64(number) << 3 | wireType.rawValue)
    }

    /// An `int64`, `int32` or enum field. Negative values take ten bytes (their two's complement
    /// as a 64-bit varint), as protobuf specifies for these types.
    mutating func writeInteger(_ number: Int, _ value: Int64) {
        appendKey(number, .varint)
        appendVarint(UInt64(bitPattern: value))
    }

    /// A `bytes` field.
    mutating func writeBytes(_ number: Int, _ value: [UInt8]) {
        appendKey(number, .lengthDelimited)
        appendVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    /// A `string` field, in UTF-8.
    mutating func writeString(_ number: Int, _ value: String) {
        writeBytes(number, Array(value.utf8))
    }

    /// An embedded message field whose content `encode` writes.
    mutating func writeMessage(_ number: Int, _ encode: (inout ProtobufWriter) -> Void) {
        var inner = ProtobufWriter()
        encode(&inner)
        writeBytes(number, inner.bytes)
    }
}
