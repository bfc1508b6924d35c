import Dive
import Foundation
import Testing

/// `dive export` without Python: what it writes, from which files, and how it refuses bad input.
@Suite struct ExportCommandTests {
    @Test func aRunFolderItsModelAndItsTrainingCheckpointExportTheSameGraph() throws {
        let run = try TrainedRun.shared.get()
        try #require(run.result.status == 0, "\(run.result.standardError)")
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String] = []
        for source in [run.folder.path, run.checkpoint, run.folder.appendingPathComponent("checkpoint.safetensors").path] {
            let out = folder.appendingPathComponent("\(files.count).onnx").path
            let result = try dive("export", "--checkpoint", source, "--format", "onnx", "--out", out)
            try #require(result.status == 0, "\(source): \(result.standardError)")
            #expect(result.standardOutput.hasPrefix("wrote \(out): ONNX opset 13, "
                                                    + "Flatten → Linear(784, 256) → ReLU → Linear(256, 10), "
                                                    + "203530 parameters; input 'input' [batch, 1, 28, 28], "
                                                    + "output 'logits' [batch, 10]"))
            files.append(out)
        }
        let bytes = try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        // The run folder means its model.safetensors.
        #expect(bytes[0] == bytes[1])
        // The training checkpoint holds the same weights; its metadata differs.
        let weights = try Safetensors(contentsOf: run.checkpoint).tensors.first { $0.name == "3.bias" }?.tensor.scalars
        let raw = try #require(weights).flatMap { value in withUnsafeBytes(of: value.bitPattern.littleEndian, Array.init) }
        for data in bytes { #expect(data.range(of: Data(raw)) != nil) }
    }

    @Test func aCheckpointWithoutArchitectureIsRefusedNamingTheKey() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let checkpoint = folder.appendingPathComponent("torch.safetensors").path
        var generator = RandomGenerator(seed: 0)
        try Sequential(Flatten(), Linear(inputSize: 784, outputSize: 10, generator: &generator)).saveCheckpoint(to: checkpoint)
        let out = folder.appendingPathComponent("model.onnx").path
        let result = try dive("export", "--checkpoint", checkpoint, "--out", out)
        #expect(result.status == 1)
        #expect(result.standardError.contains("\(checkpoint): no 'architecture' in the metadata"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func aMissingCheckpointIsNamed() throws {
        let result = try dive("export", "--checkpoint", "/nonexistent/model.safetensors", "--out", "model.onnx")
        #expect(result.status == 1)
        #expect(result.standardError.contains("/nonexistent/model.safetensors"))
    }

    @Test func anUnknownFormatIsRefused() throws {
        let result = try dive("export", "--checkpoint", "model.safetensors", "--format", "tflite", "--out", "m")
        #expect(result.status == 1)
        #expect(result.standardError.contains("--format"))
        #expect(result.standardError.contains("onnx"))
    }

    @Test func anUnwritableOutputIsNamed() throws {
        let run = try TrainedRun.shared.get()
        try #require(run.result.status == 0, "\(run.result.standardError)")
        let out = "/nonexistent-\(UUID().uuidString)/model.onnx"
        let result = try dive("export", "--checkpoint", run.checkpoint, "--out", out)
        #expect(result.status == 1)
        #expect(result.standardError.contains("Error: \(out): cannot "))
    }
}
