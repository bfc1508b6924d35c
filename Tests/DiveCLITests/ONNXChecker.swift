import Dive
import Foundation
import Testing

/// `Tests/Interop/onnx_check.py` run in the interop Python environment: ONNX's checker and
/// ONNX Runtime's outputs for exported files.
enum ONNXChecker {
    static let script = packageRoot.appendingPathComponent("Tests/Interop/onnx_check.py")

    /// What the script found for one file.
    struct Result {
        var irVersion: Int
        var opset: Int
        var operators: [String]
        var input: String
        var inputShape: [String]
        var output: String
        var outputShape: [String]
        var metadata: [String: String]
        var batchSizes: [Int]
        /// One output row per test image, from batches of 256.
        var values: [[Double]]
        /// The first image's output, run alone.
        var single: [[Double]]
    }

    /// The interop environment's Python: `$DIVE_INTEROP_PYTHON`, else `.build/interop-venv`.
    static var interpreter: URL {
        if let path = ProcessInfo.processInfo.environment["DIVE_INTEROP_PYTHON"] { return URL(fileURLWithPath: path) }
        return packageRoot.appendingPathComponent(".build/interop-venv/bin/python")
    }

    /// False only when the interop environment exists and lacks onnx or onnxruntime; when the
    /// environment itself is missing, the tests run and fail saying so.
    static let isAvailable: Bool = {
        guard FileManager.default.fileExists(atPath: interpreter.path),
              let result = try? runProcess(interpreter, [script.path, "--available"]) else { return true }
        if result.status != 0 { print("onnx: \(result.standardError)") }
        return result.status == 0
    }()

    /// Checks and runs `files` on the first 1,000 Fashion-MNIST test images.
    static func check(_ files: [String]) throws -> [String: Result] {
        try #require(FileManager.default.fileExists(atPath: interpreter.path), """
            no interop Python environment at \(interpreter.path): make it with \
            scripts/interop-venv.sh (make test does) or set DIVE_INTEROP_PYTHON
            """)
        let images = try DatasetLocator(name: FashionMNIST.name).locate(["t10k-images-idx3-ubyte"])[0]
        let run = try runProcess(interpreter, [script.path] + files + ["--test-images", images])
        try #require(run.status == 0, "onnx_check.py failed:\n\(run.standardError)")
        let report = try jsonObject(run.standardOutput)
        let models = try #require(report["models"] as? [String: [String: Any]])
        return try models.mapValues(result)
    }

    private static func result(_ model: [String: Any]) throws -> Result {
        func value(_ entry: Any?) -> [String: Any] { (entry as? [[String: Any]])?.first ?? [:] }
        func shape(_ entry: [String: Any]) -> [String] { (entry["shape"] as? [Any] ?? []).map { "\($0)" } }
        let input = value(model["inputs"]), output = value(model["outputs"])
        return Result(
            irVersion: model["ir_version"] as? Int ?? -1,
            opset: (model["opsets"] as? [String: Int])?["ai.onnx"] ?? -1,
            operators: model["operators"] as? [String] ?? [],
            input: input["name"] as? String ?? "", inputShape: shape(input),
            output: output["name"] as? String ?? "", outputShape: shape(output),
            metadata: model["metadata"] as? [String: String] ?? [:],
            batchSizes: model["batch_sizes"] as? [Int] ?? [],
            values: try #require(model["values"] as? [[Double]]),
            single: try #require(model["single"] as? [[Double]])
        )
    }
}
