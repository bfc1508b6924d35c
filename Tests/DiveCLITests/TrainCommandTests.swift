import Dive
import Foundation
import Testing

@Suite struct TrainCommandTests {
    @Test(arguments: [
        (["--batch-size=-5"], "--batch-size"),
        (["--batch-size", "0"], "--batch-size"),
        (["--model", "cnn"], "--model"),
        (["--lr", "abc"], "--lr"),
        (["--lr=-0.1"], "--lr"),
        (["--dropout", "1"], "--dropout"),
        (["--dropout", "-0.5"], "--dropout"),
        (["--dropout", "0.5,0.2"], "--dropout"),
        (["--dataset", "cifar"], "--dataset"),
        (["--hidden", "256,x"], "--hidden"),
        (["--activation", "gelu"], "--activation"),
        (["--init", "normal:-1"], "--init"),
        (["--optimizer", "lbfgs"], "--optimizer"),
        (["--epochs", "0"], "--epochs"),
        (["--threads", "0"], "--threads"),
        (["--momentum", "0.9", "--optimizer", "adam"], "--momentum"),
        (["--train-subset", "0"], "--train-subset"),
        (["--epochs", "abc"], "--epochs"),
        (["--seed", "-1"], "--seed"),
        (["--bogus"], "--bogus"),
    ])
    func badOptionsAreRejectedBeforeAnyWork(arguments: [String], option: String) throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = out.appendingPathComponent("run").path
        let result = try dive(["train", "--out", run] + arguments)
        #expect(result.status == 1)
        #expect(result.standardError.contains(option))
        #expect(!result.standardError.contains("Fatal error"))
        #expect(!FileManager.default.fileExists(atPath: run))
    }

    @Test func aDivergingRunNamesTheEpochAndBatchWithoutAStackTrace() throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try dive(["train", "--epochs", "1", "--lr", "1e30", "--out", out.path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("Error: the loss became nan at epoch 1, batch "))
        #expect(result.standardError.contains("smaller learning rate"))
    }

    @Test func aMissingInitFromFileIsNamed() throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try dive(["train", "--epochs", "1", "--init-from", "missing.safetensors", "--out", out.path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("missing.safetensors: no such file"))
    }

    /// One epoch of the book's MLP reaches 0.75 test accuracy on this machine (0.65 train);
    /// 0.7 leaves room for other BLAS builds.
    @Test func oneEpochOfTheBooksMLPWritesTheRunFolder() throws {
        let run = try TrainedRun.shared.get()
        #expect(run.result.status == 0, "\(run.result.standardError)")
        let metrics = try jsonObject(run.result.standardOutput)
        #expect(try #require(metrics["test_acc"] as? Double) > 0.7)
        #expect(try #require(metrics["train_loss"] as? Double) < 1.2)
        #expect(metrics["epochs"] as? Int == 1)
        #expect(metrics["parameters"] as? Int == 784 * 256 + 256 + 256 * 10 + 10)
        #expect(metrics["model"] as? String == "mlp")
        #expect(metrics["seed"] as? Int == 0)

        let folder = run.folder
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["checkpoint.safetensors", "config.json", "curves.png", "curves.svg", "history.csv", "metrics.json",
                          "model.safetensors", "predictions.png", "predictions.svg", "report.html"])
        let history = try String(contentsOf: folder.appendingPathComponent("history.csv"), encoding: .utf8)
        let lines = history.split(separator: "\n")
        #expect(lines.first == "epoch,train_loss,train_acc,test_loss,test_acc,epoch_seconds")
        #expect(lines.count == 2 && lines[1].hasPrefix("1,"))
        let saved = try jsonObject(String(contentsOf: folder.appendingPathComponent("metrics.json"), encoding: .utf8))
        #expect(saved["test_acc"] as? Double == metrics["test_acc"] as? Double)
        let config = try jsonObject(String(contentsOf: folder.appendingPathComponent("config.json"), encoding: .utf8))
        #expect(config["lr"] as? Double == 0.1)
        #expect(config["batch_size"] as? Int == 256)
        #expect(config["initialization"] as? String == "normal:0.01")
        #expect(run.result.standardError.contains("epoch 1/1  train loss"))
    }

    /// One epoch of softmax regression in file order reaches 0.786 test accuracy on this machine.
    @Test func softmaxRegressionInFileOrder() throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try dive(["train", "--model", "softmax", "--epochs", "1", "--no-shuffle", "--json", "--out", out.path])
        #expect(result.status == 0, "\(result.standardError)")
        let metrics = try jsonObject(result.standardOutput)
        #expect(metrics["model"] as? String == "softmax")
        #expect(metrics["parameters"] as? Int == 784 * 10 + 10)
        #expect(try #require(metrics["test_acc"] as? Double) > 0.7)
        let config = try jsonObject(String(contentsOf: out.appendingPathComponent("config.json"), encoding: .utf8))
        #expect(config["shuffle"] as? Bool == false)
    }

    /// A second epoch started from the first run's weights (a file without Dive's metadata, as
    /// PyTorch writes) does better than the first.
    @Test func initFromContinuesFromAnotherRunsWeights() throws {
        let run = try TrainedRun.shared.get()
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let bare = out.appendingPathComponent("bare.safetensors").path
        try Safetensors(tensors: Safetensors(contentsOf: run.checkpoint).tensors).write(to: bare)
        let result = try dive(["train", "--epochs", "1", "--init-from", bare, "--seed", "1", "--json",
                               "--out", out.appendingPathComponent("run").path])
        #expect(result.status == 0, "\(result.standardError)")
        let first = try #require(try jsonObject(run.result.standardOutput)["test_acc"] as? Double)
        #expect(try #require(try jsonObject(result.standardOutput)["test_acc"] as? Double) > first)
    }
}

/// The pictures of a run: curves and predictions as PNG and SVG, and a self-contained report.
@Suite struct TrainPicturesTests {
    @Test func picturesAreValidFilesOfTheRightKind() throws {
        let run = try TrainedRun.shared.get()
        let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        for name in ["curves.png", "predictions.png"] {
            let bytes = [UInt8](try Data(contentsOf: run.folder.appendingPathComponent(name)))
            #expect(Array(bytes.prefix(8)) == pngSignature, "\(name)")
        }
        let curves = try String(contentsOf: run.folder.appendingPathComponent("curves.svg"), encoding: .utf8)
        for label in ["train loss", "train acc", "test acc", "epoch"] { #expect(curves.contains(label)) }
        let predictions = try String(contentsOf: run.folder.appendingPathComponent("predictions.svg"), encoding: .utf8)
        // The first test image is an ankle boot (label 9).
        #expect(predictions.contains("ankle boot"))
    }

    @Test func reportOpensWithTheMetricsAndInlinesEveryFigure() throws {
        let run = try TrainedRun.shared.get()
        let html = try String(contentsOf: run.folder.appendingPathComponent("report.html"), encoding: .utf8)
        let metrics = try #require(html.range(of: "Test accuracy"))
        let firstFigure = try #require(html.range(of: "<svg"))
        #expect(metrics.lowerBound < firstFigure.lowerBound)
        #expect(html.components(separatedBy: "<svg ").count - 1 == 2)
        #expect(html.contains("data:image/png;base64,"))   // the test images inside the predictions
        #expect(html.contains(" on Fashion-MNIST</h1>") && html.contains("Trained on "))
        #expect(!html.contains("src=\"curves") && !html.contains("src=\"predictions"))
    }

    @Test func reportRendersInABrowserWithoutRawKeys() throws {
        let run = try TrainedRun.shared.get()
        let page = try RenderedPage(run.folder.appendingPathComponent("report.html"))
        #expect(page.inkedFraction > 0.02, "the screenshot is (nearly) blank")
        for rawKey in ["test_acc", "train_acc", "train_loss", "test_loss", "epoch_seconds", "run_dir", "{\""] {
            #expect(!page.text.contains(rawKey), "\(rawKey) in the page text")
        }
        for label in ["Test accuracy", "Training loss", "Time per epoch", "Learning rate", "Per epoch"] {
            #expect(page.text.contains(label), "\(label) in the page text")
        }
    }
}
