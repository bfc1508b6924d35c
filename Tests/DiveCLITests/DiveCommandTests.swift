import Foundation
import Testing

@Suite struct DiveCommandTests {
    @Test func helpListsTheCommands() throws {
        let result = try dive("--help")
        #expect(result.status == 0)
        for command in ["train", "evaluate", "predict"] {
            #expect(result.standardOutput.contains(command))
        }
    }

    @Test func versionPrintsTheVersion() throws {
        let result = try dive("--version")
        #expect(result.status == 0)
        // `0.1.0 (oneDNN 2.6.3 avx512_core_vnni, Dive kernels avx512)`: the version, then what runs.
        let words = result.standardOutput.split(separator: " ")
        #expect(words.first?.split(separator: ".").count == 3)
        #expect(result.standardOutput.contains("Dive kernels"))
        #if os(Linux)
        #expect(result.standardOutput.contains("oneDNN"))
        #endif
    }

    @Test func infoNamesTheLibraryItsVersionAndInstructionSet() throws {
        let result = try dive("info", "--json")
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: String])
        #expect(Set(object.keys) == ["version", "gemm_library", "gemm_instruction_set", "kernels_build", "threads"])
        #expect(["avx512", "avx2", "portable"].contains(object["kernels_build"] ?? ""))
        #if os(Linux)
        #expect(object["gemm_library"]?.hasPrefix("oneDNN ") == true)
        #expect(object["gemm_instruction_set"]?.isEmpty == false)
        #endif
        let text = try dive("info")
        #expect(text.standardOutput.contains("matrix products: \(object["gemm_library"]!)"))
    }

    @Test func anUnknownCommandFailsWithStatusOne() throws {
        let result = try dive("fly")
        #expect(result.status == 1)
        #expect(result.standardError.contains("fly"))
    }
}
