import Dive
import Foundation
import Testing

/// Ctrl-C and SIGTERM during `dive train`: a checkpoint, a message saying how to resume, and the
/// signal's exit status; the resumed run ends exactly where an uninterrupted one does.
@Suite struct InterruptionTests {
    @Test func ctrlCMidRunThenResumeGivesTheWeightsOfAnUninterruptedRun() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let whole = directory.appendingPathComponent("whole"), parts = directory.appendingPathComponent("parts")
        let reference = try dive(quickTraining(epochs: 5, out: whole))
        try #require(reference.status == 0, "\(reference.standardError)")

        let interrupted = try dive(quickTraining(epochs: 5, out: parts), after: "epoch 2/5", sending: [SIGINT])
        #expect(interrupted.status == 130)
        // The marker is epoch 2's closing line, so the stop falls in epoch 3 or at an epoch's end.
        let place = try Regex(#"interrupted (during epoch \d+ \(\d+ of 8 batches done\)|after epoch \d+); resume"#)
        #expect(interrupted.standardError.contains(place), "\(interrupted.standardError)")
        #expect(interrupted.standardError.contains("; resume with: dive train --resume \(parts.path)\n"))
        #expect(!interrupted.standardError.contains("Error"))
        let checkpoint = try TrainingCheckpoint(contentsOf: parts.appendingPathComponent("checkpoint.safetensors").path)
        #expect(checkpoint.training.position.completedEpochs >= 2)
        #expect(!FileManager.default.fileExists(atPath: parts.appendingPathComponent("model.safetensors").path))

        let resumed = try dive("train", "--resume", parts.path, "--json")
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(try bytes("model.safetensors", in: parts) == bytes("model.safetensors", in: whole))
        #expect(try trainingFigures(parts) == trainingFigures(whole))
        #expect(try historyWithoutTimes(parts) == historyWithoutTimes(whole))
    }

    @Test func sigtermStopsWithStatus143AndALoadableCheckpoint() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try dive(quickTraining(epochs: 5, out: directory), after: "epoch 1/5", sending: [SIGTERM])
        #expect(result.status == 143)
        #expect(result.standardError.contains("resume with: dive train --resume \(directory.path)"))
        _ = try TrainingCheckpoint(contentsOf: directory.appendingPathComponent("checkpoint.safetensors").path)
    }

    /// The second Ctrl-C exits without waiting; whatever checkpoint is in place is whole, and no
    /// temporary file is left.
    @Test func aSecondCtrlCExitsAtOnceWithoutACorruptCheckpoint() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try dive(quickTraining(epochs: 20, out: directory), after: "epoch 1/20", sending: [SIGINT, SIGINT])
        #expect(result.status == 130)
        #expect(!result.standardError.contains("Error"))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(!files.contains { $0.hasSuffix(".tmp") }, "\(files)")
        let path = directory.appendingPathComponent("checkpoint.safetensors").path
        if FileManager.default.fileExists(atPath: path) {
            #expect(throws: Never.self) { try TrainingCheckpoint(contentsOf: path) }
        }
    }
}
