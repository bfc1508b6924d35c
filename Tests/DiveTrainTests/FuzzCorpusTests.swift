import DiveCore
import DiveData
import Foundation
import Testing
@testable import DiveTrain

/// Replays the committed fuzzing corpus (`Tests/Fuzz/corpus`, both readers' inputs, crashers
/// included) through both readers. IDX: every file must decode consistently or throw an
/// `IDXError` naming it. Safetensors: every file must throw a `SafetensorsError` naming it, or
/// give tensors that survive a write and a second read unchanged.
@Suite struct FuzzCorpusTests {
    static let corpus: [URL] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/corpus")
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
    func everyCorpusFileDecodesOrThrowsAsIDX(_ url: URL) throws {
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

    @Test(arguments: corpus)
    func everyCorpusFileDecodesOrThrowsAsSafetensors(_ url: URL) throws {
        let bytes = try [UInt8](Data(contentsOf: url))
        let file: Safetensors
        do {
            file = try Safetensors(decoding: bytes, file: url.lastPathComponent)
        } catch {
            #expect(error.description.hasPrefix(url.lastPathComponent + ":"), "\(error)")
            return
        }
        let again = try Safetensors(decoding: file.encoded(), file: "rewritten")
        #expect(again.metadata == file.metadata)
        #expect(again.tensors.map(\.name).sorted() == file.tensors.map(\.name).sorted())
        for (name, tensor) in file.tensors {
            let copy = try #require(again[name])
            #expect(copy.shape == tensor.shape)
            #expect(copy.scalars.map(\.bitPattern) == tensor.scalars.map(\.bitPattern))
        }
    }
}
