import Dive
import Foundation
import Testing

/// What the commands say when something is off: NaN weights, a divergence at the first batch,
/// a resumed run, rounded timings.
@Suite struct CommandMessagesTests {
    @Test func nanWeightsAreEvaluatedWithAWarningAndNullInJSON() throws {
        let run = try TrainedRun.shared.get()
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try Safetensors(contentsOf: run.checkpoint)
        let poisoned = file.tensors.map { entry -> (name: String, tensor: Tensor) in
            guard entry.name == "3.bias" else { return entry }
            return (entry.name, Tensor([Float](repeating: .nan, count: entry.tensor.count), shape: entry.tensor.shape))
        }
        let path = directory.appendingPathComponent("poisoned.safetensors").path
        try Safetensors(tensors: poisoned, metadata: file.metadata).write(to: path)
        let result = try dive("evaluate", "--checkpoint", path, "--json")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("warning: \(path) holds 10 NaN or infinite weights (in '3.bias')"),
                "\(result.standardError)")
        #expect(result.standardOutput.contains(#""test_loss":null"#), "\(result.standardOutput)")
        #expect(!result.standardOutput.contains("nan"))
        #expect(try jsonObject(result.standardOutput)["warning"] as? String
                == "the checkpoint holds NaN or infinite weights: the figures mean nothing")
    }

    @Test func aLossThatIsNotFiniteOnTheFirstBatchBlamesTheInitialWeights() throws {
        let data = try tinyDataset()
        defer { try? FileManager.default.removeItem(at: data) }
        let result = try dive("train", "--data-dir", data.path, "--init", "normal:1e30", "--epochs", "1",
                              "--out", data.appendingPathComponent("run").path)
        #expect(result.status == 1)
        #expect(result.standardError.contains("on the first batch, before any update: the initial weights"),
                "\(result.standardError)")
        #expect(!result.standardError.contains("learning rate"))
    }

    @Test func aResumedRunSaysWhereItPicksUpAndTimesAreRounded() throws {
        let data = try tinyDataset()
        defer { try? FileManager.default.removeItem(at: data) }
        let run = data.appendingPathComponent("run")
        let first = try dive("train", "--data-dir", data.path, "--epochs", "2", "--threads", "1", "--out", run.path)
        #expect(first.status == 0, "\(first.standardError)")
        let resumed = try dive("train", "--resume", run.path, "--epochs", "3")
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(resumed.standardError.contains("resuming the run in \(run.path) after epoch 2\n"), "\(resumed.standardError)")
        let metrics = try String(contentsOf: run.appendingPathComponent("metrics.json"), encoding: .utf8)
        let seconds = try #require(metrics.split(separator: "\n").first { $0.contains("epoch_seconds") })
        let digits = seconds.split(separator: ".").last.map { $0.filter(\.isNumber).count } ?? 0
        #expect(digits <= 3, "\(seconds)")
    }
}

/// Ctrl-C after the last batch (here during the final evaluation of a one-batch run): the
/// training is complete, and the command says so rather than "stopping…" and exiting 0 silently.
@Suite struct FinalEvaluationInterruptionTests {
    @Test func ctrlCDuringTheFinalEvaluationSaysTheRunIsComplete() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try dive(["train", "--train-subset", "10", "--epochs", "1", "--threads", "1", "--out", directory.path],
                              after: "epoch 1/1", sending: [SIGINT])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("the training is complete"),
                "\(result.standardError)")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("model.safetensors").path))
    }
}
