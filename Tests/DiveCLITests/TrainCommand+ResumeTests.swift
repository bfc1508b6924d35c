import Dive
import Foundation
import Testing

/// `dive train --resume`, the run folder checks made before training, and determinism.
@Suite struct TrainCommandResumeTests {
    @Test func aRunResumedAfterEpoch3EndsWithTheWeightsOfAnUninterruptedRun() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let whole = directory.appendingPathComponent("whole"), parts = directory.appendingPathComponent("parts")
        #expect(try dive(quickTraining(epochs: 5, out: whole)).status == 0)
        #expect(try dive(quickTraining(epochs: 3, out: parts)).status == 0)
        let resumed = try dive("train", "--resume", parts.path, "--epochs", "5", "--threads", "1", "--json")
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(resumed.standardError.contains("epoch 4/5") && !resumed.standardError.contains("epoch 3/5"))
        #expect(try bytes("model.safetensors", in: parts) == bytes("model.safetensors", in: whole))
        #expect(try trainingFigures(parts) == trainingFigures(whole))
        #expect(try historyWithoutTimes(parts) == historyWithoutTimes(whole))
    }

    @Test func theSameCommandTwiceGivesIdenticalMetricsAndWeights() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("first"), second = directory.appendingPathComponent("second")
        #expect(try dive(quickTraining(epochs: 1, out: first, threads: 2)).status == 0)
        #expect(try dive(quickTraining(epochs: 1, out: second, threads: 2)).status == 0)
        #expect(try bytes("model.safetensors", in: first) == bytes("model.safetensors", in: second))
        #expect(try trainingFigures(first) == trainingFigures(second))
    }

    @Test(arguments: [
        (["--lr", "0.5"], "lr 0.5 (saved: 0.1)"),
        (["--hidden", "128"], "hidden [128] (saved: [256])"),
        (["--seed", "1"], "seed 1 (saved: 7)"),
        (["--no-shuffle"], "shuffle false (saved: true)"),
        (["--out", "elsewhere"], "--out cannot be given with --resume"),
        ([], "is complete: 1 epoch trained, and it was run for 1; pass --epochs N with N > 1"),
    ])
    func resumeRefusesConflictingOptionsAndFinishedRuns(arguments: [String], message: String) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try dive(quickTraining(epochs: 1, out: directory)).status == 0)
        let result = try dive(["train", "--resume", directory.path] + arguments + (arguments.isEmpty ? [] : ["--epochs", "2"]))
        #expect(result.status == 1)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(!result.standardError.contains("epoch 2/2"))
    }

    /// A write that fails (here past a file-size limit, as on a full disk) stops the run with
    /// an error naming the file, and leaves the previous checkpoint whole.
    @Test func aFailedCheckpointWriteKeepsThePreviousCheckpoint() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try dive(quickTraining(epochs: 1, out: directory)).status == 0)
        let checkpoint = directory.appendingPathComponent("checkpoint.safetensors")
        let before = try Data(contentsOf: checkpoint)
        let command = "ulimit -f 200 && exec \"$0\" train --resume \"$1\" --epochs 2"
        let result = try runProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", command, diveBinary().path, directory.path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("Error: \(checkpoint.path): cannot write: File too large"),
                "\(result.standardError)")
        #expect(try Data(contentsOf: checkpoint) == before)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(!files.contains { $0.hasSuffix(".tmp") }, "\(files)")
    }

    @Test func resumingAFolderWithoutACheckpointNamesIt() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try dive("train", "--resume", directory.path)
        #expect(result.status == 1)
        #expect(result.standardError.contains("\(directory.path)/checkpoint.safetensors does not exist"))
    }

    @Test func anOutFolderThatCannotBeCreatedFailsBeforeTraining() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("file")
        try Data("x".utf8).write(to: file)
        for out in [file.appendingPathComponent("run"), file] {
            let result = try dive(quickTraining(epochs: 1, out: out))
            #expect(result.status == 1)
            #expect(result.standardError.contains("Error: cannot create the run folder \(out.path)"))
            #expect(result.standardError.contains("choose another with --out"))
            #expect(!result.standardError.contains("training "))
        }
    }
}
