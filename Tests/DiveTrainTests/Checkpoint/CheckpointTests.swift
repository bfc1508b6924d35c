import DiveCore
import DiveNN
import Foundation
import Testing
@testable import DiveTrain

@Suite struct CheckpointTests {
    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("dive-\(UUID().uuidString).safetensors").path
    }

    func mlp(hidden: Int = 4, seed: UInt64) -> Sequential {
        var generator = RandomGenerator(seed: seed)
        return Sequential(Flatten(), Linear(inputSize: 6, outputSize: hidden, generator: &generator), ReLU(),
                          Linear(inputSize: hidden, outputSize: 3, generator: &generator))
    }

    @Test func saveThenLoadRestoresEveryParameterUnderPyTorchNames() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let trained = mlp(seed: 1)
        try trained.saveCheckpoint(to: path, metadata: ["epoch": "3"])
        let file = try Safetensors(contentsOf: path)
        #expect(file.tensors.map(\.name).sorted() == ["1.bias", "1.weight", "3.bias", "3.weight"])

        let fresh = mlp(seed: 2)
        let metadata = try fresh.loadCheckpoint(from: path)
        #expect(metadata == ["epoch": "3"])
        for ((name, a), (_, b)) in zip(trained.namedParameters, fresh.namedParameters) {
            #expect(a.value.scalars == b.value.scalars, "\(name)")
            #expect(b.value.requiresGrad)
        }
    }

    @Test func loadingIntoAnotherArchitectureListsEveryDifferenceAndChangesNothing() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bias = Tensor([1, 2, 3])
        try Safetensors(tensors: [("1.weight", Tensor.zeros([5, 6])), ("1.bias", Tensor.zeros([5])),
                                  ("3.bias", bias), ("4.weight", Tensor.zeros([3, 3]))]).write(to: path)
        let model = mlp(seed: 1)
        let before = model.parameters.map(\.value.scalars)
        #expect {
            try model.loadCheckpoint(from: path)
        } throws: { error in
            guard let mismatch = error as? CheckpointMismatch else { return false }
            return mismatch.problems == [
                "'1.weight' has shape [5, 6] in the checkpoint, the model expects [4, 6]",
                "'1.bias' has shape [5] in the checkpoint, the model expects [4]",
                "'3.weight' [3, 4] is missing from the checkpoint",
                "'4.weight' [3, 3] in the checkpoint is not a parameter of the model",
            ] && "\(mismatch)".hasPrefix("\(path) does not fit the model (4 differences):\n  - '1.weight'")
        }
        #expect(model.parameters.map(\.value.scalars) == before)
    }

    @Test func loadingAHalfPrecisionFileConvertsToFloat() throws {
        // A Linear(1, 1) saved by PyTorch in F16: weight 0.5 (0x3800), bias -1 (0xBC00).
        let header = #"{"bias":{"dtype":"F16","shape":[1],"data_offsets":[0,2]},"weight":{"dtype":"F16","shape":[1,1],"data_offsets":[2,4]}}"#
        let file = try Safetensors(decoding: safetensorsBytes(header: header, data: [0x00, 0xBC, 0x00, 0x38]),
                                   file: "half.safetensors")
        let layer = Linear(inputSize: 1, outputSize: 1)
        try layer.load(file, from: "half.safetensors")
        #expect(layer.weight.value.scalars == [0.5])
        #expect(layer.bias?.value.scalars == [-1])
    }
}
