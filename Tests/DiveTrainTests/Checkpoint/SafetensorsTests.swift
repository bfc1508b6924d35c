import DiveCore
import Foundation
import Testing
@testable import DiveTrain

@Suite struct SafetensorsTests {
    let tensors: [(name: String, tensor: Tensor)] = [
        ("1.weight", Tensor([1, -2, 3.5, 0, 1e-30, -7], shape: [2, 3])),
        ("1.bias", Tensor([0.25, -0.5])),
        ("scale", Tensor(4)),
        ("empty", Tensor.zeros([0, 3])),
    ]

    @Test func roundTripKeepsNamesShapesValuesAndMetadata() throws {
        let file = Safetensors(tensors: tensors, metadata: ["architecture": "{\"model\":\"mlp\"}", "epoch": "3"])
        let decoded = try Safetensors(decoding: file.encoded(), file: "model.safetensors")
        #expect(decoded.tensors.map(\.name) == tensors.map(\.name))
        for (name, tensor) in tensors {
            let read = try #require(decoded[name])
            #expect(read.shape == tensor.shape)
            #expect(read.scalars == tensor.scalars)
        }
        #expect(decoded.metadata == file.metadata)
    }

    @Test func headerIsPaddedWithSpacesToAMultipleOfEight() {
        let bytes = Safetensors(tensors: tensors).encoded()
        let length = Int(bytes[0..<8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
        #expect(length % 8 == 0)
        #expect(String(decoding: bytes[8..<(8 + length)], as: UTF8.self).hasPrefix("{"))
        #expect(bytes.count == 8 + length + 4 * (6 + 2 + 1))
    }

    @Test func writesDataAsLittleEndianF32InOrder() throws {
        let bytes = Safetensors(tensors: [("x", Tensor([1, -2]))]).encoded()
        #expect(Array(bytes.suffix(8)) == [0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0])
        let header = String(decoding: bytes[8..<(bytes.count - 8)], as: UTF8.self)
        #expect(header.trimmingCharacters(in: .whitespaces)
            == #"{"x":{"data_offsets":[0,8],"dtype":"F32","shape":[2]}}"#)
    }

    @Test func writeReplacesTheFileAndLeavesNoTemporaryFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dive-st-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("model.safetensors").path
        try Safetensors(tensors: [("a", Tensor([1, 2, 3]))]).write(to: path)
        try Safetensors(tensors: [("b", Tensor([4]))]).write(to: path)
        let read = try Safetensors(contentsOf: path)
        #expect(read.tensors.map(\.name) == ["b"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["model.safetensors"])
    }

    @Test func writeIntoAMissingDirectoryThrowsNamingTheFile() {
        let path = "/nonexistent-dive-directory/model.safetensors"
        #expect {
            try Safetensors(tensors: [("a", Tensor([1]))]).write(to: path)
        } throws: { error in
            (error as? SafetensorsError).map { "\($0)".hasPrefix(path) } ?? false
        }
    }

    @Test func readingAMissingFileSaysSo() {
        #expect(throws: SafetensorsError.io(file: "missing.safetensors", reason: "no such file")) {
            try Safetensors(contentsOf: "missing.safetensors")
        }
    }
}
