import Dive
import Foundation
import Testing

/// A checkpoint's recorded architecture is checked as strictly as the command-line options,
/// and against the dataset, before anything is allocated; model options that contradict it are
/// refused.
@Suite struct CheckpointMetadataTests {
    /// An architecture's JSON with the book's MLP's fields, `changes` applied.
    static func architecture(_ changes: [String: Any]) throws -> String {
        var fields: [String: Any] = ["model": "mlp", "inputs": 784, "classes": 10, "hidden": [256],
                                     "activation": "relu", "dropout": [0]]
        fields.merge(changes) { _, new in new }
        return String(decoding: try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test(arguments: [
        (["classes": 5], "classes 5, but the dataset has 10 classes"),
        (["inputs": 100], "inputs 100, but the dataset's images have 784 pixels"),
        (["dropout": [1.0]], "dropout probabilities must be in [0, 1), got 1.0"),
        (["dropout": [1.5]], "dropout probabilities must be in [0, 1), got 1.5"),
        (["hidden": [100_000_000]], "hidden [100000000] gives 79500000010 parameters, which need about 1272.0 GB"),
        (["hidden": [0]], "hidden layer sizes must be positive, got 0"),
        (["hidden": [256, 128]], "one dropout probability per hidden layer (2), got 1"),
        (["model": "softmax"], "a softmax model has no hidden layers"),
        (["classes": 1], "classes must be at least 2, got 1"),
    ] as [([String: any Sendable], String)])
    func invalidArchitectureMetadataIsRefusedWithTheField(changes: [String: any Sendable], message: String) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("model.safetensors")
        try safetensorsBytes(metadata: ["architecture": Self.architecture(changes)]).write(to: path)
        for command in ["evaluate", "predict"] {
            let result = try dive(command, "--checkpoint", path.path)
            #expect(result.status == 1)
            #expect(result.standardError.hasPrefix("Error: \(path.path): the architecture in the metadata"),
                    "\(result.standardError)")
            #expect(result.standardError.contains(message), "\(result.standardError)")
        }
    }

    @Test func modelOptionsThatContradictTheCheckpointAreRefused() throws {
        let run = try TrainedRun.shared.get()
        let result = try dive("evaluate", "--checkpoint", run.checkpoint, "--hidden", "128", "--activation", "tanh")
        #expect(result.status == 1)
        #expect(result.standardError.contains("--hidden 128 (the checkpoint has 256)"), "\(result.standardError)")
        #expect(result.standardError.contains("--activation tanh (the checkpoint has relu)"))
        let agreeing = try dive("evaluate", "--checkpoint", run.checkpoint, "--hidden", "256", "--model", "mlp")
        #expect(agreeing.status == 0, "\(agreeing.standardError)")
    }

    @Test func initFromACheckpointOfAnotherArchitectureIsRefused() throws {
        let run = try TrainedRun.shared.get()
        let data = try tinyDataset()
        defer { try? FileManager.default.removeItem(at: data) }
        let out = data.appendingPathComponent("run")
        let result = try dive("train", "--init-from", run.folder.path, "--hidden", "256", "--activation", "sigmoid",
                              "--epochs", "1", "--data-dir", data.path, "--out", out.path)
        #expect(result.status == 1)
        #expect(result.standardError.contains("activation sigmoid (checkpoint: relu)"), "\(result.standardError)")
    }

    /// A run folder, or its training checkpoint, is accepted wherever a checkpoint is; the
    /// message says which file was used.
    @Test func aRunFolderOrItsTrainingCheckpointIsAccepted() throws {
        let run = try TrainedRun.shared.get()
        let expected = try jsonObject(run.result.standardOutput)["test_acc"] as? Double
        let training = run.folder.appendingPathComponent("checkpoint.safetensors").path
        for (given, used) in [(run.folder.path, run.checkpoint), (training, training)] {
            let result = try dive("evaluate", "--checkpoint", given, "--json")
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardError.contains("using \(used)"), "\(result.standardError)")
            let evaluation = try jsonObject(result.standardOutput)
            #expect(evaluation["test_acc"] as? Double == expected)
            #expect(evaluation["checkpoint"] as? String == used)
        }
    }

    @Test(arguments: [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "it is a PNG image"),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 0, 0], "it is a zip archive, as PyTorch's torch.save writes"),
        ([0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0], "it is gzip-compressed"),
        (Array(#"{"model": "mlp", "hidden": [256]}"#.utf8), "it is JSON text"),
    ] as [([UInt8], String)])
    func aFileOfAnotherKindIsNamed(bytes: [UInt8], message: String) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("file").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = try dive("evaluate", "--checkpoint", path)
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("Error: \(path): not a safetensors file: \(message)"), "\(result.standardError)")
    }

    @Test func aFolderWithoutACheckpointIsNamed() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try dive("evaluate", "--checkpoint", directory.path)
        #expect(result.status == 1)
        #expect(result.standardError.contains("a folder without model.safetensors or checkpoint.safetensors"))
    }
}
