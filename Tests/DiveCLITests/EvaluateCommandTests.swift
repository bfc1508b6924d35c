import Dive
import Foundation
import Testing

@Suite struct EvaluateCommandTests {
    @Test func evaluatingTheRunsCheckpointReproducesItsTestFigures() throws {
        let run = try TrainedRun.shared.get()
        let metrics = try jsonObject(run.result.standardOutput)
        let result = try dive("evaluate", "--checkpoint", run.checkpoint, "--json")
        #expect(result.status == 0, "\(result.standardError)")
        let evaluation = try jsonObject(result.standardOutput)
        #expect(evaluation["test_acc"] as? Double == metrics["test_acc"] as? Double)
        #expect(evaluation["test_loss"] as? Double == metrics["test_loss"] as? Double)
        #expect(evaluation["count"] as? Int == 10_000)

        let text = try dive("evaluate", "--checkpoint", run.checkpoint)
        #expect(text.status == 0)
        #expect(text.standardOutput.hasPrefix("test loss "))
        #expect(text.standardOutput.contains("test accuracy "))
    }

    @Test func aCheckpointWithoutMetadataIsRebuiltFromTheModelOptions() throws {
        let run = try TrainedRun.shared.get()
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bare = directory.appendingPathComponent("bare.safetensors").path
        try Safetensors(tensors: Safetensors(contentsOf: run.checkpoint).tensors).write(to: bare)

        let matching = try dive("evaluate", "--checkpoint", bare, "--model", "mlp", "--hidden", "256", "--json")
        #expect(matching.status == 0, "\(matching.standardError)")
        let expected = try jsonObject(run.result.standardOutput)["test_acc"] as? Double
        #expect(try jsonObject(matching.standardOutput)["test_acc"] as? Double == expected)

        let other = try dive("evaluate", "--checkpoint", bare, "--hidden", "128")
        #expect(other.status == 1)
        #expect(other.standardError.contains("does not fit the model (3 differences)"))
        #expect(other.standardError.contains("'1.weight' has shape [256, 784] in the checkpoint, the model expects [128, 784]"))
        #expect(other.standardError.contains("'3.weight' has shape [10, 256]"))
    }

    @Test func aMalformedCheckpointIsReportedWithItsName() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("broken.safetensors").path
        try Data([0xFF, 0, 0, 0, 0, 0, 0, 0, 0x7B]).write(to: URL(fileURLWithPath: path))
        let result = try dive("evaluate", "--checkpoint", path)
        #expect(result.status == 1)
        #expect(result.standardError.contains("\(path): header length 255 bytes runs past the end"))
        #expect(!result.standardError.contains("Fatal error"))
    }

    @Test(arguments: [
        (["--batch-size", "0"], "--batch-size"),
        (["--hidden", "0"], "--hidden"),
        (["--model", "cnn"], "--model"),
        (["--dataset", "cifar"], "--dataset"),
        (["--dropout", "1.5"], "--dropout"),
    ])
    func badOptionsAreRejectedBeforeReadingTheCheckpoint(arguments: [String], option: String) throws {
        for command in ["evaluate", "predict"] {
            let result = try dive([command, "--checkpoint", "missing.safetensors"] + arguments)
            #expect(result.status == 1)
            #expect(result.standardError.contains(option), "\(result.standardError)")
            #expect(!result.standardError.contains("missing.safetensors"))
        }
    }

    @Test func aMissingCheckpointIsNamed() throws {
        let result = try dive("evaluate", "--checkpoint", "missing.safetensors")
        #expect(result.status == 1)
        #expect(result.standardError == "Error: missing.safetensors: no such file\n")
    }

    @Test func theCheckpointOptionIsRequired() throws {
        let result = try dive("evaluate")
        #expect(result.status == 1)
        #expect(result.standardError.contains("--checkpoint"))
    }
}
