@testable import DiveExport
import DiveCore
import DiveNN
import Foundation
import Testing

/// Models ONNX export cannot express are refused naming the layer; files are written whole.
@Suite struct ONNXExportErrorTests {
    /// A layer ONNX export does not know.
    final class Doubling: Layer, CustomStringConvertible {
        func callAsFunction(_ input: Tensor) -> Tensor { input * 2 }
        var description: String { "Doubling()" }
    }

    private func error(exporting model: any Layer, inputShape: [Int] = [1, 2, 2]) -> ONNXExportError? {
        do {
            _ = try ONNXExport(inputShape: inputShape).serialized(model)
            return nil
        } catch {
            return error
        }
    }

    @Test func anUnknownLayerIsNamedByItsPath() throws {
        let model = Sequential(Flatten(), Sequential(Linear(inputSize: 4, outputSize: 2), Doubling()))
        let failure = try #require(error(exporting: model))
        guard case let .unsupportedLayer(layer, description, _) = failure else {
            Issue.record("unexpected \(failure)")
            return
        }
        #expect(layer == "1.1")
        #expect(description == "Doubling()")
        #expect(failure.description.hasPrefix("layer '1.1' (Doubling()) cannot be exported to ONNX: "))
    }

    @Test func aLinearBeforeTheFlattenIsRefused() throws {
        let failure = try #require(error(exporting: Sequential(Linear(inputSize: 2, outputSize: 2))))
        #expect(failure.description == "layer '0' (\(Linear(inputSize: 2, outputSize: 2))) cannot be exported "
                + "to ONNX: it takes [batch, 2], but [batch, 1, 2, 2] reaches it (add a Flatten before it)")
    }

    @Test func aLinearOfTheWrongWidthIsRefused() throws {
        let failure = try #require(error(exporting: Sequential(Flatten(), Linear(inputSize: 5, outputSize: 2))))
        #expect(failure.description.hasSuffix("it takes [batch, 5], but [batch, 4] reaches it"))
    }

    @Test func aFlattenThatKeepsMoreThanTheBatchAxisIsRefused() throws {
        let failure = try #require(error(exporting: Flatten(startAxis: 2)))
        #expect(failure.description.hasPrefix("the model (Flatten(startAxis: 2, endAxis: -1)) cannot be exported"))
    }

    @Test func aSoftmaxOverTheBatchAxisIsRefused() throws {
        let failure = try #require(error(exporting: Sequential(Flatten(), Softmax(axis: 0))))
        #expect(failure.description.contains("layer '1' (Softmax(axis: 0))"))
    }

    @Test(arguments: [[], [1, 0, 28]] as [[Int]])
    func anInputShapeWithoutPositiveSizesIsRefused(_ shape: [Int]) {
        #expect(error(exporting: Flatten(), inputShape: shape) == .invalidInputShape(shape))
    }

    @Test func theFileIsWrittenAndAFailedExportLeavesThePreviousOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dive-onnx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("model.onnx").path
        let model = Sequential(Flatten(), Linear(inputSize: 4, outputSize: 2))
        let export = ONNXExport(inputShape: [1, 2, 2])
        try export.write(model, to: path)
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Array(written) == (try export.serialized(model)))

        #expect(throws: ONNXExportError.self) { try export.write(Sequential(Doubling()), to: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == written)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["model.onnx"])
    }

    @Test func anUnwritableFolderIsReportedNamingTheFile() throws {
        let path = "/nonexistent-\(UUID().uuidString)/model.onnx"
        let model = Sequential(Flatten(), Linear(inputSize: 4, outputSize: 2))
        do {
            try ONNXExport(inputShape: [1, 2, 2]).write(model, to: path)
            Issue.record("the write succeeded")
        } catch {
            guard case .io(let file, _) = error else { Issue.record("unexpected \(error)"); return }
            #expect(file == path)
        }
    }
}
