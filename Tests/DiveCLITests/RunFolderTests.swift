import Dive
import Foundation
import Testing

/// A run folder is never replaced without asking, and two runs never write one folder at once.
@Suite struct RunFolderTests {
    /// `dive train` on the tiny dataset, one epoch, one thread, into `out`.
    static func tinyTraining(data: URL, out: String, _ extra: [String] = []) -> [String] {
        ["train", "--data-dir", data.path, "--epochs", "1", "--threads", "1", "--out", out] + extra
    }

    @Test func anExistingRunIsNotReplacedWithoutOverwrite() throws {
        let data = try tinyDataset()
        defer { try? FileManager.default.removeItem(at: data) }
        let run = data.appendingPathComponent("run")
        #expect(try dive(Self.tinyTraining(data: data, out: run.path, ["--seed", "1"])).status == 0)
        let model = try bytes("model.safetensors", in: run)

        let again = try dive(Self.tinyTraining(data: data, out: run.path, ["--seed", "2"]))
        #expect(again.status == 1)
        #expect(again.standardError.contains("the run folder \(run.path) is not empty"), "\(again.standardError)")
        #expect(again.standardError.contains("--resume \(run.path)"))
        #expect(again.standardError.contains("--overwrite"))
        #expect(try bytes("model.safetensors", in: run) == model)

        let replaced = try dive(Self.tinyTraining(data: data, out: run.path, ["--seed", "2", "--overwrite"]))
        #expect(replaced.status == 0, "\(replaced.standardError)")
        #expect(try bytes("model.safetensors", in: run) != model)
    }

    /// `--out .` in a folder of the user's own files: nothing is touched.
    @Test func aFolderOfOtherFilesIsLeftAlone() throws {
        let data = try tinyDataset()
        defer { try? FileManager.default.removeItem(at: data) }
        let own = data.appendingPathComponent("own")
        try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
        try Data("{\"mine\": true}".utf8).write(to: own.appendingPathComponent("config.json"))
        let inOwn = try runProcess(URL(fileURLWithPath: "/bin/sh"),
                                   ["-c", "cd \"$1\" && exec \"$0\" train --data-dir \"$2\" --epochs 1 --out .",
                                    diveBinary().path, own.path, data.path])
        #expect(inOwn.status == 1)
        #expect(inOwn.standardError.contains("the run folder . is not empty (it holds config.json)"), "\(inOwn.standardError)")
        #expect(try String(contentsOf: own.appendingPathComponent("config.json"), encoding: .utf8) == "{\"mine\": true}")
        #expect(try FileManager.default.contentsOfDirectory(atPath: own.path).filter { !$0.hasPrefix(".") } == ["config.json"])
    }

    /// While one run trains in a folder, a second one there is refused, naming the first's process.
    @Test func aSecondRunInTheSameFolderNamesTheHolder() throws {
        let data = try tinyDataset()
        defer { try? FileManager.default.removeItem(at: data) }
        let run = data.appendingPathComponent("run")
        var second: DiveResult?
        var holder: Int32 = 0
        let first = try runProcess(diveBinary(), Self.tinyTraining(data: data, out: run.path, ["--epochs", "100000"])) { process, standardError in
            holder = process.processIdentifier
            while process.isRunning, !((try? String(contentsOf: standardError, encoding: .utf8)) ?? "").contains("epoch 2/") {
                usleep(5_000)
            }
            second = try dive(Self.tinyTraining(data: data, out: run.path, ["--overwrite"]))
            kill(process.processIdentifier, SIGTERM)
        }
        #expect(first.status == 143)
        let refused = try #require(second)
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("the run folder \(run.path) is in use by another dive train (process \(holder))"),
                "\(refused.standardError)")
    }

    @Test func anEmptyOutIsNamed() throws {
        let result = try dive("train", "--out", "")
        #expect(result.status == 1)
        #expect(result.standardError.contains("--out: the folder name is empty"), "\(result.standardError)")
    }
}
