import Dive
import Foundation
import Testing

/// `dive export` checked by ONNX itself: for each kind of model `dive train` builds (the book's
/// MLP, softmax regression, the dropout MLP, PReLU, sigmoid and tanh networks, the Keras-style
/// MLP), ONNX's checker passes on the exported file and ONNX Runtime's logits on the first 1,000
/// test images agree with `dive predict --json`'s, in batches of 256 and in a batch of 1.
///
/// Needs onnx and onnxruntime in the interop environment (`scripts/interop-venv.sh`, optional
/// there): without them these tests are skipped, saying so.
@Suite(.enabled(if: ONNXChecker.isAvailable, "onnx or onnxruntime is not installed in the interop Python environment"))
struct ONNXExportInteropTests {
    /// float32 logits from two runtimes differ in rounding and summation order only.
    static let logitTolerance = 1e-4

    /// A model to train briefly, with the ONNX operators its export must have.
    struct Model: Sendable, CustomTestStringConvertible {
        var name: String
        var options: [String]
        var operators: [String]
        var testDescription: String { name }
    }

    static let models = [
        Model(name: "the book's MLP", options: ["--model", "mlp", "--hidden", "256"],
              operators: ["Flatten", "Gemm", "Relu", "Gemm"]),
        Model(name: "softmax regression", options: ["--model", "softmax"], operators: ["Flatten", "Gemm"]),
        Model(name: "the dropout MLP", options: ["--hidden", "256,256", "--dropout", "0.2,0.5", "--init", "default"],
              operators: ["Flatten", "Gemm", "Relu", "Gemm", "Relu", "Gemm"]),
        Model(name: "a PReLU network", options: ["--hidden", "64", "--activation", "prelu"],
              operators: ["Flatten", "Gemm", "PRelu", "Gemm"]),
        Model(name: "a sigmoid MLP", options: ["--hidden", "32", "--activation", "sigmoid"],
              operators: ["Flatten", "Gemm", "Sigmoid", "Gemm"]),
        Model(name: "a tanh MLP", options: ["--hidden", "32", "--activation", "tanh"],
              operators: ["Flatten", "Gemm", "Tanh", "Gemm"]),
        Model(name: "the Keras-style MLP", options: ["--hidden", "128,64", "--init", "xavier", "--optimizer", "adam",
                                                      "--lr", "0.001", "--batch-size", "32"],
              operators: ["Flatten", "Gemm", "Relu", "Gemm", "Relu", "Gemm"]),
    ]

    @Test(arguments: models)
    func onnxRuntimeGivesDivesLogits(_ model: Model) throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = folder.appendingPathComponent("run").path
        let trained = try dive(["train", "--epochs", "1", "--train-subset", "10000", "--json", "--out", run] + model.options)
        try #require(trained.status == 0, "\(trained.standardError)")
        let onnxFile = folder.appendingPathComponent("model.onnx").path
        let exported = try dive("export", "--checkpoint", run, "--format", "onnx", "--out", onnxFile)
        try #require(exported.status == 0, "\(exported.standardError)")

        let expected = try predictedLogits(run + "/model.safetensors")
        let checked = try ONNXChecker.check([onnxFile])
        let result = try #require(checked[onnxFile])
        #expect(result.operators == model.operators)
        #expect(result.irVersion == 7 && result.opset == 13)
        #expect(result.input == "input" && result.inputShape == ["batch", "1", "28", "28"])
        #expect(result.output == "logits" && result.outputShape == ["batch", "10"])
        #expect(result.batchSizes == [256, 256, 256, 232])
        #expect(result.metadata["dive_version"] == DiveVersion.current)
        #expect(result.metadata["training_config"]?.contains("\"epochs\"") == true)
        #expect(result.metadata["architecture"] != nil)

        let difference = maximumDifference(result.values, expected)
        #expect(difference <= Self.logitTolerance, "\(model.name): logits differ by up to \(difference)")
        #expect(result.values.map(argmax) == expected.map(argmax), "\(model.name): predicted classes differ")
        #expect(maximumDifference(result.single, [expected[0]]) <= Self.logitTolerance, "batch of 1")
        let largest = expected.joined().map(abs).max() ?? 0
        print("onnx: \(model.name): max |ONNX Runtime − dive predict| = \(difference) over \(expected.count) images "
              + "(largest |logit| \(largest)), classes "
              + (result.values.map(argmax) == expected.map(argmax) ? "identical" : "DIFFERENT"))
    }

    @Test func theTrainingCheckpointAndSoftmaxExportsAgreeToo() throws {
        let run = try TrainedRun.shared.get()
        try #require(run.result.status == 0, "\(run.result.standardError)")
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fromCheckpoint = folder.appendingPathComponent("checkpoint.onnx").path
        let probabilities = folder.appendingPathComponent("probabilities.onnx").path
        for (source, out, extra) in [(run.folder.appendingPathComponent("checkpoint.safetensors").path, fromCheckpoint, []),
                                     (run.checkpoint, probabilities, ["--softmax"])] {
            let exported = try dive(["export", "--checkpoint", source, "--out", out] + extra)
            try #require(exported.status == 0, "\(exported.standardError)")
        }
        let expected = try predictedLogits(run.checkpoint)
        let checked = try ONNXChecker.check([fromCheckpoint, probabilities])
        let logits = try #require(checked[fromCheckpoint])
        #expect(maximumDifference(logits.values, expected) <= Self.logitTolerance)
        #expect(logits.metadata["arguments"] != nil, "the training checkpoint's arguments")

        let softmax = try #require(checked[probabilities])
        #expect(softmax.output == "probabilities" && softmax.operators.last == "Softmax")
        let expectedProbabilities = expected.map { row in
            let largest = row.max() ?? 0
            let exponentials = row.map { exp($0 - largest) }
            let sum = exponentials.reduce(0, +)
            return exponentials.map { $0 / sum }
        }
        #expect(maximumDifference(softmax.values, expectedProbabilities) <= 1e-5)
    }

    /// The logits `dive predict --json` gives for the first 1,000 test images.
    private func predictedLogits(_ checkpoint: String) throws -> [[Double]] {
        let result = try dive("predict", "--checkpoint", checkpoint, "--count", "1000", "--json")
        try #require(result.status == 0, "\(checkpoint): \(result.standardError)")
        return try #require(try jsonObject(result.standardOutput)["logits"] as? [[Double]])
    }

    private func maximumDifference(_ lhs: [[Double]], _ rhs: [[Double]]) -> Double {
        guard lhs.count == rhs.count, zip(lhs, rhs).allSatisfy({ $0.count == $1.count }) else { return .infinity }
        return zip(lhs, rhs).flatMap { zip($0, $1).map { abs($0 - $1) } }.max() ?? 0
    }

    private func argmax(_ row: [Double]) -> Int { row.indices.max { row[$0] < row[$1] } ?? -1 }
}
