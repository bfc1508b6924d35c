import Foundation
import Testing

@Suite struct ExampleCommandTests {
    static let names = [
        "linear-regression-scratch", "linear-regression", "softmax-regression-scratch", "softmax-regression",
        "activations", "mlp-scratch", "mlp", "model-selection", "weight-decay", "dropout-scratch", "dropout",
        "numerical-stability", "xor", "keras-mnist",
    ]

    @Test func listShowsEveryExampleOnOneLine() throws {
        let result = try dive("example", "--list")
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == Self.names.count)
        for (line, name) in zip(lines, Self.names) {
            #expect(line.hasPrefix(name + " "), "\(line)")
            #expect(line.count > name.count + 10, "\(line) has no summary")
        }
    }

    @Test func jsonGoesToStandardOutputAndTheBooksPrintsToStandardError() throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try dive("example", "linear-regression-scratch", "--json", "--out", out.path)
        #expect(result.status == 0)
        let object = try jsonObject(result.standardOutput)
        #expect(try #require(object["final_loss"] as? Double) < 1e-4)
        #expect((object["epoch_losses"] as? [Double])?.count == 3)
        #expect(result.standardError.contains("epoch 3, loss "))
        #expect(result.standardError.contains("error in estimating w: "))
        let files = try #require(object["files"] as? [String])
        #expect(files.map { ($0 as NSString).lastPathComponent } == ["loss.svg", "loss.png"])
        for file in files { #expect(FileManager.default.fileExists(atPath: file)) }
    }

    @Test func optionsReachTheExample() throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try dive("example", "xor", "--hidden", "8", "--epochs", "200", "--seed", "3", "--json",
                              "--out", out.path)
        #expect(result.status == 0)
        let object = try jsonObject(result.standardOutput)
        #expect(object["hidden_units"] as? Int == 8)
        #expect(object["seed"] as? Int == 3)
        #expect((object["losses"] as? [Double])?.count == 2)
    }

    @Test func withoutJSONTheBooksPrintsGoToStandardOutput() throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try dive("example", "numerical-stability", "--out", out.path)
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("after multiplying 100 matrices"))
        #expect(result.standardOutput.contains("sigmoid.svg"))
    }

    @Test func unwritableOutputFolderIsReportedBeforeTraining() throws {
        let result = try dive("example", "mlp", "--out", "/proc/nope")
        #expect(result.status != 0)
        #expect(result.standardError.contains("/proc/nope") && result.standardError.contains("--out"), "\(result.standardError)")
        #expect(!result.standardOutput.contains("epoch"), "trained before failing: \(result.standardOutput)")
    }

    @Test(arguments: [
        (["example"], "--list"),
        (["example", "resnet"], "unknown example 'resnet'"),
        (["example", "softmax"], "did you mean softmax-regression or softmax-regression-scratch?"),
        (["example", "activations", "--epochs", "3"], "--epochs"),
        (["example", "xor", "--epochs", "0"], "--epochs"),
        (["example", "linear-regression", "--hidden", "8"], "--hidden"),
        (["example", "weight-decay", "--train-size", "100"], "--train-size"),
    ])
    func badRequestsAreRejected(arguments: [String], message: String) throws {
        let result = try dive(arguments)
        #expect(result.status != 0)
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }
}
