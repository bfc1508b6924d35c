import DiveCore
import Testing
@testable import DiveTrain

/// A safetensors file made by hand: the header text (padded by nothing) and the data bytes.
func safetensorsBytes(header: String, data: [UInt8] = [], headerLength: UInt64? = nil) -> [UInt8] {
    let text = Array(header.utf8)
    let length = headerLength ?? UInt64(text.count)
    return withUnsafeBytes(of: length.littleEndian) { Array($0) } + text + data
}

@Suite struct SafetensorsReadingTests {
    let file = "bad.safetensors"

    func read(_ bytes: [UInt8]) throws -> Safetensors { try Safetensors(decoding: bytes, file: file) }

    @Test func decodesF16IncludingSubnormalsAndInfinity() throws {
        // 1, -2, 65504 (largest), 2^-24 (smallest subnormal), +inf, 0.333 ≈ 0x3555
        let data: [UInt8] = [0x00, 0x3C, 0x00, 0xC0, 0xFF, 0x7B, 0x01, 0x00, 0x00, 0x7C, 0x55, 0x35]
        let tensor = try #require(read(safetensorsBytes(
            header: #"{"h":{"dtype":"F16","shape":[6],"data_offsets":[0,12]}}"#, data: data))["h"])
        #expect(tensor.scalars == [1, -2, 65504, 0x1p-24, .infinity, 0.333251953125])
    }

    @Test func decodesF16NaN() throws {
        let tensor = try #require(read(safetensorsBytes(
            header: #"{"h":{"dtype":"F16","shape":[1],"data_offsets":[0,2]}}"#, data: [0x01, 0x7E]))["h"])
        #expect(tensor.scalars[0].isNaN)
    }

    @Test func decodesBF16AsTheTopHalfOfF32() throws {
        // 1.0 = 0x3F80, -2.5 = 0xC020, 3.140625 = 0x4049
        let tensor = try #require(read(safetensorsBytes(
            header: #"{"b":{"dtype":"BF16","shape":[3],"data_offsets":[0,6]}}"#,
            data: [0x80, 0x3F, 0x20, 0xC0, 0x49, 0x40]))["b"])
        #expect(tensor.scalars == [1, -2.5, 3.140625])
    }

    @Test func decodesF64() throws {
        let values: [Double] = [0.1, -1e10, 2]
        let data = values.flatMap { value in withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) } }
        let tensor = try #require(read(safetensorsBytes(
            header: #"{"d":{"dtype":"F64","shape":[3, 1],"data_offsets":[0,24]}}"#, data: data))["d"])
        #expect(tensor.shape == [3, 1])
        #expect(tensor.scalars == [0.1, -1e10, 2])
    }

    @Test func acceptsAnEmptyHeaderObjectAndTrailingSpaces() throws {
        #expect(try read(safetensorsBytes(header: "{}      ")).tensors.isEmpty)
    }

    @Test func rejectsAFileShorterThanTheLengthField() {
        #expect(throws: SafetensorsError.tooShort(file: file, size: 5)) { try read([1, 2, 3, 4, 5]) }
    }

    @Test func rejectsAHeaderLengthPastTheEnd() {
        #expect(throws: SafetensorsError.headerPastEnd(file: file, length: 50, fileSize: 10)) {
            try read(safetensorsBytes(header: "{}", headerLength: 50))
        }
    }

    @Test func rejectsAHugeHeaderLength() {
        let length: UInt64 = 200_000_000
        #expect(throws: SafetensorsError.headerTooLarge(file: file, length: length, limit: 100_000_000)) {
            try read(safetensorsBytes(header: "{}", headerLength: length))
        }
    }

    @Test(arguments: ["{\"a\": ", "[1, 2]", "not json", "\"text\""])
    func rejectsAHeaderThatIsNotAJSONObject(header: String) {
        #expect { try read(safetensorsBytes(header: header)) } throws: { error in
            "\(error)".hasPrefix("\(file): invalid safetensors header")
        }
    }

    @Test func rejectsMetadataThatIsNotAStringMap() {
        #expect { try read(safetensorsBytes(header: #"{"__metadata__":{"epoch":3}}"#)) } throws: { error in
            "\(error)".contains("__metadata__ value for 'epoch' is not a string")
        }
    }

    @Test(arguments: [
        (#"{"w":{"shape":[1],"data_offsets":[0,4]}}"#, "missing string field 'dtype'"),
        (#"{"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}"#, "'shape' must be a list of non-negative integers"),
        (#"{"w":{"dtype":"F32","shape":[1],"data_offsets":[0]}}"#, "'data_offsets' must be a list of two integers"),
        (#"{"w":{"dtype":"F32","shape":[1.5],"data_offsets":[0,4]}}"#, "'shape' must be a list of non-negative integers"),
        (#"{"w":[1,2]}"#, "entry is not a JSON object"),
    ])
    func rejectsIllFormedEntries(header: String, message: String) {
        #expect(throws: SafetensorsError.invalidEntry(file: file, tensor: "w", reason: message)) {
            try read(safetensorsBytes(header: header, data: [0, 0, 0, 0]))
        }
    }

    /// Found by fuzzing: a zero dimension made the element count 0 while the strides overflowed.
    @Test func rejectsAnEmptyShapeWhoseStridesOverflow() {
        let shape = [4_611_686_601, 44, 0, 4, 4_611_686_018_427_387_904]
        #expect(throws: SafetensorsError.invalidEntry(file: file, tensor: "w", reason: "'shape' \(shape) is too large")) {
            try read(safetensorsBytes(header: #"{"w":{"dtype":"F32","shape":\#(shape),"data_offsets":[0,0]}}"#))
        }
    }

    @Test func rejectsAnUnknownDType() {
        #expect(throws: SafetensorsError.unknownDType(file: file, tensor: "w", dtype: "F42")) {
            try read(safetensorsBytes(header: #"{"w":{"dtype":"F42","shape":[1],"data_offsets":[0,4]}}"#,
                                      data: [0, 0, 0, 0]))
        }
    }

    @Test(arguments: ["I64", "I32", "U8", "BOOL"])
    func rejectsIntegerDTypesForWeights(dtype: String) {
        #expect(throws: SafetensorsError.unsupportedDType(file: file, tensor: "w", dtype: dtype)) {
            try read(safetensorsBytes(header: #"{"w":{"dtype":"\#(dtype)","shape":[1],"data_offsets":[0,8]}}"#,
                                      data: Array(repeating: 0, count: 8)))
        }
        #expect("\(SafetensorsError.unsupportedDType(file: file, tensor: "w", dtype: dtype))"
            .contains("expected F32, F16, BF16 or F64"))
    }

    @Test func rejectsOffsetsPastTheBuffer() {
        #expect(throws: SafetensorsError.offsetsOutOfRange(file: file, tensor: "w", begin: 0, end: 8, bufferSize: 4)) {
            try read(safetensorsBytes(header: #"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#,
                                      data: [0, 0, 0, 0]))
        }
    }

    @Test func rejectsBackwardOffsets() {
        #expect(throws: SafetensorsError.offsetsOutOfRange(file: file, tensor: "w", begin: 4, end: 0, bufferSize: 4)) {
            try read(safetensorsBytes(header: #"{"w":{"dtype":"F32","shape":[1],"data_offsets":[4,0]}}"#,
                                      data: [0, 0, 0, 0]))
        }
    }

    @Test func rejectsOverlappingTensors() {
        let header = #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#
        #expect(throws: SafetensorsError.overlappingTensors(file: file, first: "a", second: "b")) {
            try read(safetensorsBytes(header: header, data: Array(repeating: 0, count: 8)))
        }
    }

    @Test func rejectsAHoleBetweenTensors() {
        let header = #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}"#
        #expect(throws: SafetensorsError.uncoveredBytes(file: file, begin: 4, end: 8)) {
            try read(safetensorsBytes(header: header, data: Array(repeating: 0, count: 12)))
        }
    }

    @Test func rejectsTrailingBytesThatNoTensorCovers() {
        #expect(throws: SafetensorsError.uncoveredBytes(file: file, begin: 4, end: 6)) {
            try read(safetensorsBytes(header: #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#,
                                      data: Array(repeating: 0, count: 6)))
        }
    }

    @Test func rejectsAByteLengthThatDisagreesWithTheShape() {
        let expected = SafetensorsError.byteLengthMismatch(file: file, tensor: "a", shape: [3], dtype: "F16",
                                                           expected: 6, found: 4)
        #expect(throws: expected) {
            try read(safetensorsBytes(header: #"{"a":{"dtype":"F16","shape":[3],"data_offsets":[0,4]}}"#,
                                      data: Array(repeating: 0, count: 4)))
        }
        #expect("\(expected)" == "bad.safetensors: tensor 'a': shape [3] of F16 needs 6 bytes, data_offsets give 4")
    }
}
