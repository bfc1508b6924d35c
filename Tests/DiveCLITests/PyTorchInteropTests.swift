import Dive
import Foundation
import Testing

/// Checkpoints cross between Dive and the real Python packages: files written by PyTorch (or by
/// `safetensors.numpy`) in F32, F16, BF16 and F64 give the same accuracy and logits in
/// `dive evaluate` and `dive predict`, and Dive's checkpoint loads with PyTorch's `load_state_dict`.
///
/// The Python environment comes from `scripts/interop-venv.sh` (`make test` creates it first);
/// without it the tests fail, saying how to get it.
@Suite struct PyTorchInteropTests {
    /// float32 logits from two BLAS builds differ in rounding only.
    static let logitTolerance: Float = 1e-4

    @Test func checkpointsWrittenByPythonGiveTheSameAccuracyAndLogits() throws {
        let python = try PythonCheckpoints.shared.get()
        let checkpoints = try #require(python.manifest["checkpoints"] as? [[String: Any]])
        let dtypes = Set(checkpoints.compactMap { $0["dtype"] as? String })
        #expect(dtypes == ["F32", "F16", "BF16", "F64"])
        for entry in checkpoints {
            let file = try #require(entry["file"] as? String)
            let evaluation = try dive("evaluate", "--checkpoint", file, "--model", "mlp", "--hidden", "256", "--json")
            try #require(evaluation.status == 0, "\(file): \(evaluation.standardError)")
            let accuracy = try #require(try jsonObject(evaluation.standardOutput)["test_acc"] as? Double)
            #expect(abs(accuracy - (entry["test_acc"] as? Double ?? -1)) < 1e-9, "\(file)")

            let expected = try #require(entry["logits"] as? [[Double]])
            let logits = try diveLogits(file, count: expected.count)
            let difference = maximumDifference(logits, expected)
            #expect(difference <= Self.logitTolerance, "\(file): logits differ by up to \(difference)")
        }
    }

    @Test func anIntegerCheckpointIsRejectedNamingTheTensorAndDType() throws {
        let python = try PythonCheckpoints.shared.get()
        let file = try #require(python.manifest["integer_checkpoint"] as? String)
        let result = try dive("evaluate", "--checkpoint", file, "--model", "mlp", "--hidden", "256")
        #expect(result.status == 1)
        #expect(result.standardError.contains("\(file): tensor '"))
        #expect(result.standardError.contains("dtype I64 cannot hold weights; expected F32, F16, BF16 or F64"))
        #expect(!result.standardError.contains("Fatal error"))
    }

    @Test func aDiveCheckpointLoadsInPythonAndPredictsTheSame() throws {
        let python = try PythonCheckpoints.shared.get()
        let run = try TrainedRun.shared.get()
        try #require(run.result.status == 0, "\(run.result.standardError)")
        let read = try runProcess(python.interpreter, [PythonCheckpoints.script.path, "read", run.checkpoint]
                                  + python.testSetArguments)
        try #require(read.status == 0, "interop.py read failed:\n\(read.standardError)")
        let figures = try jsonObject(read.standardOutput)
        let diveAccuracy = try #require(try jsonObject(run.result.standardOutput)["test_acc"] as? Double)
        #expect(abs(try #require(figures["test_acc"] as? Double) - diveAccuracy) < 1e-9)

        let expected = try #require(figures["logits"] as? [[Double]])
        let difference = maximumDifference(try diveLogits(run.checkpoint, count: expected.count), expected)
        #expect(difference <= Self.logitTolerance, "logits differ by up to \(difference)")
    }

    /// The logits `dive predict --json` gives for the first `count` test images.
    private func diveLogits(_ checkpoint: String, count: Int) throws -> [[Double]] {
        let result = try dive("predict", "--checkpoint", checkpoint, "--count", "\(count)", "--json",
                              "--model", "mlp", "--hidden", "256")
        try #require(result.status == 0, "\(checkpoint): \(result.standardError)")
        return try #require(try jsonObject(result.standardOutput)["logits"] as? [[Double]])
    }

    private func maximumDifference(_ lhs: [[Double]], _ rhs: [[Double]]) -> Float {
        guard lhs.count == rhs.count, zip(lhs, rhs).allSatisfy({ $0.count == $1.count }) else { return .infinity }
        return Float(zip(lhs, rhs).flatMap { zip($0, $1).map { abs($0 - $1) } }.max() ?? 0)
    }
}

/// The checkpoints `Tests/Interop/interop.py write` made with the Python packages, once per run
/// of the tests, with its manifest (versions, and each file's dtype, accuracy and logits).
final class PythonCheckpoints: @unchecked Sendable {
    // Immutable after init; the manifest is plain JSON values.
    let interpreter: URL
    let manifest: [String: Any]
    let testSetArguments: [String]

    static let script = packageRoot.appendingPathComponent("Tests/Interop/interop.py")

    private init() throws {
        interpreter = try Self.interpreter()
        let names = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]
        let paths = try DatasetLocator(name: FashionMNIST.name).locate(names)
        testSetArguments = ["--test-images", paths[2], "--test-labels", paths[3]]
        let folder = try temporaryDirectory()
        let written = try runProcess(interpreter, [Self.script.path, "write", folder.path,
                                                   "--train-images", paths[0], "--train-labels", paths[1]]
                                     + testSetArguments)
        try #require(written.status == 0, "interop.py write failed:\n\(written.standardError)")
        let text = try String(contentsOf: folder.appendingPathComponent("manifest.json"), encoding: .utf8)
        manifest = try jsonObject(text)
        print("interop: numpy \(manifest["numpy"] ?? "?"), safetensors \(manifest["safetensors"] ?? "?"), "
              + "torch \(manifest["torch"] as? String ?? "not installed")")
    }

    /// `$DIVE_INTEROP_PYTHON`, else the environment `scripts/interop-venv.sh` makes (run now if
    /// it is missing).
    private static func interpreter() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["DIVE_INTEROP_PYTHON"] { return URL(fileURLWithPath: path) }
        let python = packageRoot.appendingPathComponent(".build/interop-venv/bin/python")
        let setup = try runProcess(URL(fileURLWithPath: "/bin/bash"),
                                   [packageRoot.appendingPathComponent("scripts/interop-venv.sh").path,
                                    packageRoot.appendingPathComponent(".build/interop-venv").path])
        try #require(setup.status == 0, """
            The Python environment for the interop tests could not be made (scripts/interop-venv.sh \
            needs python3 with venv, and PyPI for numpy and safetensors):
            \(setup.standardError)
            """)
        return python
    }

    /// The shared checkpoints, or the error that prevented them.
    static let shared = Result { try PythonCheckpoints() }
}
