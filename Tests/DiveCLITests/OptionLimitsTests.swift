import Dive
import Foundation
import Testing

/// Option values that once trapped, or were misreported, give one message naming the option
/// and status 1, before any work.
@Suite struct OptionLimitsTests {
    @Test(arguments: [
        (["--threads", "3000000000"], "--threads must be from 1 to 1024, got 3000000000"),
        (["--threads", "0"], "--threads must be from 1 to 1024, got 0"),
        (["--hidden", "1000000000000000000"], "--hidden 1000000000000000000: hidden [1000000000000000000] gives 4e+18 parameters"),
        (["--hidden", "100000000"], "--hidden 100000000: hidden [100000000] gives 79500000010 parameters, which need about 1272.0 GB"),
        (["--lr", "-0.1"], "--lr must be a positive number, got -0.1"),
        (["--momentum", "-0.5"], "--momentum must be in [0, 1), got -0.5"),
        (["--epochs", "-3"], "--epochs must be positive, got -3"),
        (["--hidden", "-5"], "--hidden: layer sizes must be positive, got -5"),
        (["--dropout", "-0.2"], "--dropout: probabilities must be in [0, 1), got -0.2"),
    ])
    func trainRefusesTheValue(arguments: [String], message: String) throws {
        let data = try tinyDataset()
        defer { try? FileManager.default.removeItem(at: data) }
        let out = data.appendingPathComponent("run")
        let result = try dive(["train", "--data-dir", data.path, "--out", out.path] + arguments)
        #expect(result.status == 1)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("model.safetensors").path))
    }

    @Test(arguments: ["99999999999", "0", "-1", "many"])
    func aBadThreadCountInTheEnvironmentIsNamed(value: String) throws {
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"),
                                    ["DIVE_NUM_THREADS=\(value)", diveBinary().path, "evaluate", "--checkpoint", "missing"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("DIVE_NUM_THREADS=\(value): expected a whole number of threads from 1 to 1024"),
                "\(result.standardError)")
    }

    @Test func evaluateAndPredictTakeThreadsButNotDropout() throws {
        for command in ["evaluate", "predict"] {
            let dropout = try dive(command, "--checkpoint", "missing", "--dropout", "0.5")
            #expect(dropout.status == 1)
            #expect(dropout.standardError.contains("Unknown option '--dropout'"), "\(dropout.standardError)")
            let threads = try dive(command, "--checkpoint", "missing", "--threads", "5000")
            #expect(threads.standardError.contains("--threads must be from 1 to 1024, got 5000"), "\(threads.standardError)")
        }
    }

    /// A re-parse of saved arguments, a file error and a picture folder that is a file: each a
    /// sentence, never a dump of an error value.
    @Test func plotHistoryIntoAFileNamesIt() throws {
        let run = try TrainedRun.shared.get()
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("file")
        try Data("x".utf8).write(to: file)
        let result = try dive("plot", "history", run.folder.path, "--out", file.path)
        #expect(result.status == 1)
        #expect(result.standardError == "Error: cannot create the run folder \(file.path): a file of that name exists; "
                + "choose another with --out\n", "\(result.standardError)")
    }

    @Test(arguments: [
        ("9223372036854775807,0.5,0.5,0.5,0.5,1", "row 1 is for epoch 9223372036854775807, expected 1"),
    ])
    func aHistoryNoRunWritesIsRefusedByThePlot(row: String, message: String) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("history.csv")
        try "epoch,train_loss,train_acc,test_loss,test_acc,epoch_seconds\n\(row)\n".write(to: path, atomically: true,
                                                                                          encoding: .utf8)
        let result = try dive("plot", "history", directory.path)
        #expect(result.status == 1)
        #expect(result.standardError == "Error: \(path.path): \(message); dive train writes epochs 1, 2, … in order\n",
                "\(result.standardError)")
    }
}
