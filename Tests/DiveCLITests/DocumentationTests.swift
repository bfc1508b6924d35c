import Foundation
import Testing

/// The DocC catalog builds without a warning (a broken symbol link, a missing article) from this
/// build's modules. `scripts/check-docs.sh` extracts the symbol graphs and runs `docc convert`
/// with warnings as errors, which takes seconds where `make docs` would build everything again.
@Suite struct DocumentationTests {
    @Test func theCatalogBuildsWithoutWarningsAndHasEveryArticle() throws {
        let build = try diveBinary().deletingLastPathComponent()
        let output = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try runProcess(URL(fileURLWithPath: "/bin/bash"), [
            packageRoot.appendingPathComponent("scripts/check-docs.sh").path, build.path, output.path,
        ])
        let printed = result.standardOutput + result.standardError
        #expect(result.status == 0, "\(printed)")
        #expect(!printed.contains("warning:"), "\(printed)")
        let pages = output.appendingPathComponent("Dive.doccarchive/data/documentation/dive")
        for article in ["linearnetworks", "multilayerperceptrons", "comingfrompytorch", "savingandloading",
                        "optimizersandschedules", "dataandpictures"] {
            #expect(FileManager.default.fileExists(atPath: pages.appendingPathComponent("\(article).json").path), "\(article)")
        }
    }
}
