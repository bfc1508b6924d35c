import DiveExamples
import Foundation
import Testing

@Suite struct ExampleOptionsTests {
    @Test func printGoesToThePrinter() {
        let lines = Lines()
        let options = ExampleOptions(printer: ExamplePrinter { lines.append($0) })
        options.print("epoch 1, loss 0.5")
        options.print("done")
        #expect(lines.all == ["epoch 1, loss 0.5", "done"])
    }

    @Test func figuresGoToTheOutputFolderAsSVGAndPNG() throws {
        let folder = temporaryFolder() + "/nested"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try run("numerical-stability", quietOptions(outputDirectory: folder))
        #expect(result.files == ["\(folder)/sigmoid.svg", "\(folder)/sigmoid.png"])
        let svg = try String(contentsOfFile: "\(folder)/sigmoid.svg", encoding: .utf8)
        #expect(svg.hasPrefix("<svg") || svg.hasPrefix("<?xml"))
        let png = try #require(FileManager.default.contents(atPath: "\(folder)/sigmoid.png"))
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    @Test func withoutAnOutputFolderNothingIsWritten() throws {
        let result = try run("numerical-stability", quietOptions())
        #expect(result.files.isEmpty)
    }
}

/// Lines collected from a printer, which may be called from any thread.
private final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
