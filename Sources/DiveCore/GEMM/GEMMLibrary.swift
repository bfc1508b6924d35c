#if canImport(_DiveDNNL)
import _DiveDNNL
#endif
import _DiveKernels

/// Which library runs Dive's matrix products on this machine, its version and the instruction
/// set it uses, for `dive --version`, `dive info` and every `dive bench` line.
public enum GEMMLibrary {
    /// The library: `oneDNN` on Linux (OpenBLAS with its version and kernels where oneDNN does not
    /// run), `Accelerate` on macOS.
    public static var name: String {
        #if canImport(_DiveDNNL)
        if OneDNN.isUsable { return "oneDNN" }
        #endif
        return BLAS.description
    }

    /// The library's version, e.g. `2.6.3` (empty where the library does not say).
    public static var version: String {
        #if canImport(_DiveDNNL)
        if OneDNN.isUsable { return OneDNN.version }
        #endif
        return ""
    }

    /// The most capable instruction set the library uses on this processor, in its own words
    /// (oneDNN: `avx512_core_vnni`, `avx2`, …; empty where the library does not say).
    public static var instructionSet: String {
        #if canImport(_DiveDNNL)
        if OneDNN.isUsable { return OneDNN.instructionSet }
        #endif
        return ""
    }

    /// The build of Dive's own kernels (small products, optimizer steps, epilogues) that runs on
    /// this processor: `avx512`, `avx2` or `portable`.
    public static var kernelBuild: String { String(cString: dive_kernels_build()) }

    /// One line: e.g. `oneDNN 2.6.3 avx512_core_vnni, Dive kernels avx512`.
    public static var description: String {
        let library = [name, version, instructionSet].filter { !$0.isEmpty }.joined(separator: " ")
        return "\(library), Dive kernels \(kernelBuild)"
    }
}
