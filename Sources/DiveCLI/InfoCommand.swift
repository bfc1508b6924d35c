import ArgumentParser
import Dive
import Foundation

/// `dive info`: what runs Dive's computations on this machine.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Print Dive's version, the library that runs its matrix products and the instruction sets in use.",
        discussion: """
        The matrix-product library (oneDNN on Linux, Accelerate on macOS) is printed with its version and \
        the most capable instruction set it uses on this processor; Dive's own kernels (small products, \
        optimizer steps) with the build that runs (avx512, avx2 or portable).
        """
    )

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func run() throws {
        let fields: KeyValuePairs<String, String> = [
            "version": DiveVersion.current,
            "gemm_library": [GEMMLibrary.name, GEMMLibrary.version].filter { !$0.isEmpty }.joined(separator: " "),
            "gemm_instruction_set": GEMMLibrary.instructionSet,
            "kernels_build": GEMMLibrary.kernelBuild,
            "threads": String(ComputeThreads.count),
        ]
        if json {
            let object = Dictionary(uniqueKeysWithValues: fields.map { ($0.key, $0.value) })
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        print("dive \(DiveVersion.current)")
        print("matrix products: \(GEMMLibrary.description)")
        print("threads: \(ComputeThreads.count) (--threads or DIVE_NUM_THREADS; default one per core)")
    }
}
