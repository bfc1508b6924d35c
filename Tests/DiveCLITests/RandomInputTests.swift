import Dive
import Foundation
import PropertyBased
import Testing

/// Random option values, random architecture metadata and random history rows thrown at the
/// real `dive`: it may succeed or refuse (status 0 or 1), never crash. Runs on the tiny dataset
/// so that each case takes a fraction of a second.
@Suite struct RandomInputTests {
    /// Values that have broken parsers and allocators: signs, overflow, non-numbers, empties.
    static let awkwardValues = ["0", "1", "2", "-1", "-0.1", "0.5", "0.99", "1.5", "1e30", "-1e30", "1e308", "nan", "inf",
                                "-inf", "3000000000", "99999999999999999999", "9223372036854775807", "100000000", "", " ",
                                "abc", ",", "1,", "1,2", "256,0", "0,0,0", "normal:0", "normal:-1", "normal:1e30",
                                "relu", "prelu", "softmax", "mlp", "adam", "sgd", "mnist", "--json"]
    /// The options of `dive train` that take a value, with what they are usually given.
    static let trainOptions = ["--hidden", "--dropout", "--lr", "--momentum", "--weight-decay", "--batch-size",
                               "--threads", "--seed", "--train-subset", "--init", "--activation", "--model",
                               "--optimizer", "--epochs", "--dataset"]

    @Test func randomTrainOptionsNeverCrash() async throws {
        let data = try tinyDataset()
        defer { try? FileManager.default.removeItem(at: data) }
        let option = pick(Self.trainOptions)
        let value = pick(Self.awkwardValues)
        await propertyCheck(count: 40, input: zip(option, value).array(of: 1...4)) { pairs in
            let out = data.appendingPathComponent("run-\(UUID().uuidString)").path
            // Given last, so that a random --epochs or --threads cannot make a case slow.
            let arguments = ["train", "--data-dir", data.path] + pairs.flatMap { [$0.0, $0.1] }
                + ["--out", out, "--epochs", "1", "--threads", "1"]
            let result = try dive(arguments)
            #expect(result.status == 0 || result.status == 1, "\(arguments): \(result.status) \(result.standardError)")
            #expect(!result.standardError.contains("Fatal error"), "\(arguments): \(result.standardError)")
        }
    }

    @Test func randomArchitectureMetadataNeverCrashes() async throws {
        let data = try tinyDataset()
        defer { try? FileManager.default.removeItem(at: data) }
        // Mostly valid values, so that a case often has one field wrong rather than all.
        let size = pick([1, 2, 10, 32, 784, -1, 0, 100_000_000, 1 << 40, Int.max])
        let probability = pick([0, 0.5, 0.999, -1.0, 1, 1.5, 1e39])
        let input = zip(pick(["mlp", "mlp", "softmax", "cnn"]), pick([784, 784, 784, 0, 100, Int.max]),
                        pick([10, 10, 10, 1, 5, Int.max]), size.array(of: 0...3),
                        pick(["relu", "tanh", "swish"]), probability.array(of: 3))
        await propertyCheck(count: 40, input: input) { model, inputs, classes, hidden, activation, probabilities in
            // Usually one probability per hidden layer, as the rules ask.
            let dropout = probabilities.count == 3 && hidden.count < 3 ? Array(probabilities.prefix(hidden.count))
                                                                       : probabilities
            let fields: [String: Any] = ["model": model, "inputs": inputs, "classes": classes, "hidden": hidden,
                                         "activation": activation, "dropout": dropout]
            let json = String(decoding: try JSONSerialization.data(withJSONObject: fields), as: UTF8.self)
            let path = data.appendingPathComponent("\(UUID().uuidString).safetensors")
            defer { try? FileManager.default.removeItem(at: path) }
            try safetensorsBytes(metadata: ["architecture": json, "dataset": "fashion-mnist"]).write(to: path)
            for command in ["evaluate", "predict"] {
                let result = try dive(command, "--checkpoint", path.path, "--data-dir", data.path, "--threads", "1")
                #expect(result.status == 1, "\(json): \(result.status) \(result.standardError)")
                #expect(result.standardError.hasPrefix("Error: "), "\(json): \(result.standardError)")
            }
        }
    }

    @Test func randomHistoryRowsNeverCrashThePlot() async throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let number = pick(["0", "0.5", "-1", "1e308", "-1e308", "1e-308", "nan", "inf", "-inf", "", "x",
                                      "123456789", "4.9e-324", "0.8521"])
        let row = number.array(of: 5)
        let epoch = pick(["1", "2", "0", "-1", "1000000", "9223372036854775807", "x"])
        await propertyCheck(count: 30, input: zip(epoch, row).array(of: 0...6)) { rows in
            let lines = ["epoch,train_loss,train_acc,test_loss,test_acc,epoch_seconds"]
                + rows.map { ([$0.0] + $0.1).joined(separator: ",") }
            try (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("history.csv"),
                                                             atomically: true, encoding: .utf8)
            let result = try dive("plot", "history", folder.path)
            #expect(result.status == 0 || result.status == 1, "\(lines): \(result.status) \(result.standardError)")
        }
    }
}

/// A generator of one of `values` (never empty).
private func pick<Value: Sendable>(_ values: [Value]) -> Generator<Value, Shrink.None<Value?>> {
    Gen.element(of: values).compactMap { $0 }
}
