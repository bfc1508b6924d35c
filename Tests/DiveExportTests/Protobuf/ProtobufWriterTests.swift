@testable import DiveExport
import Testing

/// Known encodings, from the protobuf encoding guide's worked examples and the varint rules.
@Suite struct ProtobufWriterTests {
    static let varints: [(UInt64, [UInt8])] = [
        (0, [0x00]),
        (1, [0x01]),
        (127, [0x7f]),
        (128, [0x80, 0x01]),
        (150, [0x96, 0x01]),
        (300, [0xac, 0x02]),
        (16_384, [0x80, 0x80, 0x01]),
        (UInt64.max, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]),
    ]

    @Test(arguments: varints)
    func varintsTakeSevenBitsPerByteLeastSignificantFirst(_ value: UInt64, _ expected: [UInt8]) {
        var writer = ProtobufWriter()
        writer.appendVarint(value)
        #expect(writer.bytes == expected)
    }

    @Test func anIntegerFieldIsItsKeyThenItsVarint() {
        var writer = ProtobufWriter()
        writer.writeInteger(1, 150)
        #expect(writer.bytes == [0x08, 0x96, 0x01])
    }

    @Test func aNegativeIntegerTakesTenBytes() {
        var writer = ProtobufWriter()
        writer.writeInteger(1, -1)
        #expect(writer.bytes == [0x08] + Array(repeating: 0xff, count: 9) + [0x01])
    }

    @Test func aKeyAboveFieldFifteenTakesTwoBytes() {
        var writer = ProtobufWriter()
        writer.writeInteger(20, 2)
        #expect(writer.bytes == [0xa0, 0x01, 0x02])
    }

    @Test func aStringIsLengthDelimitedUTF8() {
        var writer = ProtobufWriter()
        writer.writeString(2, "testing")
        #expect(writer.bytes == [0x12, 0x07] + Array("testing".utf8))
        var accented = ProtobufWriter()
        accented.writeString(1, "é")
        #expect(accented.bytes == [0x0a, 0x02, 0xc3, 0xa9])
    }

    @Test func anEmptyStringIsWrittenWithLengthZero() {
        var writer = ProtobufWriter()
        writer.writeString(1, "")
        #expect(writer.bytes == [0x0a, 0x00])
    }

    @Test func anEmbeddedMessageIsItsEncodingLengthDelimited() {
        var writer = ProtobufWriter()
        writer.writeMessage(3) { $0.writeInteger(1, 150) }
        #expect(writer.bytes == [0x1a, 0x03, 0x08, 0x96, 0x01])
    }

    @Test func aLongFieldHasAMultiByteLength() {
        var writer = ProtobufWriter()
        writer.writeBytes(9, Array(repeating: 7, count: 200))
        #expect(Array(writer.bytes.prefix(3)) == [0x4a, 0xc8, 0x01])
        #expect(writer.bytes.count == 203)
    }
}
