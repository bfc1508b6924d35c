import Foundation
import Testing
@testable import DiveCore

/// The matrix products run at the best instruction-set level the processor and the library
/// support: the processor's features are read from /proc/cpuinfo (the kernel's cpuid flags).
struct GEMMLibraryTests {
    /// The processor's feature flags, or nil where /proc/cpuinfo does not exist (macOS).
    static let flags: Set<String>? = {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return nil }
        return Set(line.split(separator: ":", maxSplits: 1).last!.split(separator: " ").map(String.init))
    }()

    /// oneDNN's most capable level whose features the processor has, in oneDNN's words.
    static func bestOneDNNLevel(_ f: Set<String>) -> String {
        let avx512Core = ["avx512f", "avx512bw", "avx512vl", "avx512dq"].allSatisfy(f.contains)
        let vnni = avx512Core && f.contains("avx512_vnni")
        let bf16 = vnni && f.contains("avx512_bf16")
        if bf16 && ["amx_tile", "amx_int8", "amx_bf16"].allSatisfy(f.contains) { return "avx512_core_amx" }
        if bf16 { return "avx512_core_bf16" }
        if vnni { return "avx512_core_vnni" }
        if avx512Core { return "avx512_core" }
        if f.contains("avx2") && f.contains("avx_vnni") { return "avx2_vnni" }
        if f.contains("avx2") { return "avx2" }
        if f.contains("avx") { return "avx" }
        return f.contains("sse4_1") ? "sse41" : "all"
    }

    @Test func libraryRunsAtTheBestLevelTheProcessorHas() throws {
        #if os(Linux) && arch(x86_64)
        let flags = try #require(Self.flags)
        #expect(GEMMLibrary.name == "oneDNN")
        #expect(!GEMMLibrary.version.isEmpty)
        #expect(GEMMLibrary.instructionSet == Self.bestOneDNNLevel(flags))
        #endif
    }

    @Test func kernelsRunTheBestBuildTheProcessorHas() throws {
        #if os(Linux) && arch(x86_64)
        let flags = try #require(Self.flags)
        let expected = ["avx512f", "avx512bw", "avx512dq", "avx512vl", "fma"].allSatisfy(flags.contains) ? "avx512"
            : flags.contains("avx2") && flags.contains("fma") ? "avx2" : "portable"
        #expect(GEMMLibrary.kernelBuild == expected)
        #endif
    }

    @Test func descriptionNamesLibraryVersionAndInstructionSet() {
        let text = GEMMLibrary.description
        #expect(text.hasPrefix(GEMMLibrary.name))
        #expect(text.contains(GEMMLibrary.version))
        #expect(text.contains(GEMMLibrary.instructionSet))
        #expect(text.hasSuffix("Dive kernels \(GEMMLibrary.kernelBuild)"))
    }
}
