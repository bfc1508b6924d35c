/// A small protobuf reader for the tests, written apart from the writer so that the exported
/// bytes are checked by parsing them back: the fields of one message, in order.
struct ProtobufFields {
    /// A field's value: a varint or the bytes of a length-delimited field.
    enum Value: Equatable {
        case varint(UInt64)
        case bytes([UInt8])
    }

    private(set) var fields: [(number: Int, value: Value)] = []

    /// Parses `bytes` as one message; nil when they are not wire-format fields of types 0 and 2.
    init?(_ bytes: [UInt8]) {
        var index = 0
        func varint() -> UInt64? {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while index < bytes.count, shift < 64 {
                let byte = bytes[index]
                index += 1
                result |= UInt64(byte & 0x7f) << shift
                if byte < 0x80 { return result }
                shift += 7
            }
            return nil
        }
        while index < bytes.count {
            guard let key = varint() else { return nil }
            switch key & 7 {
            case 0:
                guard let value = varint() else { return nil }
                fields.append((Int(key >> 3), .varint(value)))
            case 2:
                guard let length = varint(), length <= UInt64(bytes.count - index) else { return nil }
                fields.append((Int(key >> 3), .bytes(Array(bytes[index ..< index + Int(length)]))))
                index += Int(length)
            default:
                return nil
            }
        }
    }

    /// The varints of field `number`.
    func integers(_ number: Int) -> [Int64] {
        fields.compactMap { if $0.number == number, case .varint(let v) = $0.value { Int64(bitPattern: v) } else { nil } }
    }

    /// The length-delimited values of field `number`.
    func bytes(_ number: Int) -> [[UInt8]] {
        fields.compactMap { if $0.number == number, case .bytes(let b) = $0.value { b } else { nil } }
    }

    /// The strings of field `number`.
    func strings(_ number: Int) -> [String] { bytes(number).map { String(decoding: $0, as: UTF8.self) } }

    /// The embedded messages of field `number` (those that parse).
    func messages(_ number: Int) -> [ProtobufFields] { bytes(number).compactMap(ProtobufFields.init) }
}
