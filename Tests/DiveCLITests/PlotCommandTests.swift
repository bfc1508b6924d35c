import Foundation
import Testing

/// `dive plot`, run as a person would.
@Suite struct PlotCommandTests {
    @Test func activationsWritesEachFunctionAsSVGAndPNG() throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try dive("plot", "activations", "--out", out.path)
        #expect(result.status == 0, "\(result.standardError)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
        for name in ["relu", "prelu", "sigmoid", "tanh"] {
            #expect(files.contains("\(name).svg") && files.contains("\(name).png"), "\(files)")
        }
        let sigmoid = try String(contentsOf: out.appendingPathComponent("sigmoid.svg"), encoding: .utf8)
        #expect(sigmoid.contains("gradient of sigmoid"))
        let relu = try String(contentsOf: out.appendingPathComponent("relu.svg"), encoding: .utf8)
        #expect(relu.contains(">ReLU</text>") && relu.contains(">−8</text>"))
    }

    @Test func historyRedrawsTheCurvesOfARun() throws {
        let run = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: run) }
        try """
            epoch,train_loss,train_acc,test_loss,test_acc,epoch_seconds
            1,0.9,0.68,0.6,0.75,1.0
            2,0.6,0.78,0.55,0.79,1.0
            """.write(to: run.appendingPathComponent("history.csv"), atomically: true, encoding: .utf8)
        let result = try dive("plot", "history", run.path)
        #expect(result.status == 0, "\(result.standardError)")
        let svg = try String(contentsOf: run.appendingPathComponent("curves.svg"), encoding: .utf8)
        #expect(svg.contains("train loss") && svg.contains("test acc"))
        #expect(FileManager.default.fileExists(atPath: run.appendingPathComponent("curves.png").path))
    }

    @Test func historyWithHugeValuesIsDrawn() throws {
        let run = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: run) }
        try """
            epoch,train_loss,train_acc,test_loss,test_acc,epoch_seconds
            1,1e308,0.68,-1e308,0.75,1.0
            2,-1e308,1e308,0.55,nan,1.0
            """.write(to: run.appendingPathComponent("history.csv"), atomically: true, encoding: .utf8)
        let result = try dive("plot", "history", run.path)
        #expect(result.status == 0, "\(result.standardError)")
        let png = [UInt8](try Data(contentsOf: run.appendingPathComponent("curves.png")))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test func historyOfAFolderWithoutHistoryNamesTheFile() throws {
        let run = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: run) }
        let result = try dive("plot", "history", run.path)
        #expect(result.status == 1)
        #expect(result.standardError.contains("history.csv"))
        #expect(!result.standardError.contains("Fatal error"))
    }
}
