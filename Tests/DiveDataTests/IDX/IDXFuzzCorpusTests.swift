import Foundation
import Testing
@testable import DiveData

/// Replays the committed fuzzing corpus (`Tests/Fuzz/corpus`, both readers' inputs, crashers
/// included) through the IDX reader: every file must decode consistently or throw an `IDXError`.
@Suite struct IDXFuzzCorpusTests {
    static let corpus: [URL] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fuzz/corpus")
        return ["idx", "safetensors"].flatMap { folder in
            let directory = root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.sorted().map { directory.appendingPathComponent($0) }
        }
    }()

    @Test func theCorpusIsThere() {
        #expect(Self.corpus.count >= 20, "Tests/Fuzz/corpus holds \(Self.corpus.count) files")
    }

    @Test(arguments: corpus)
    func everyCorpusFileDecodesOrThrows(_ url: URL) throws {
        let bytes = try [UInt8](Data(contentsOf: url))
        for name in [url.lastPathComponent, url.lastPathComponent + ".gz"] {
            for kind in [IDXFile.Kind.images, .labels] {
                do {
                    let file = try IDXFile.decode(bytes, file: name, kind: kind)
                    #expect(file.dimensions.count == kind.rank)
                    #expect(file.bytes.count == file.dimensions.reduce(1, *))
                } catch {
                    #expect(error.description.hasPrefix(name + ":"), "\(error)")
                }
            }
        }
    }
}
