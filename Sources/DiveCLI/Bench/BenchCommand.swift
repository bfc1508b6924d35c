import ArgumentParser
import Dive
import Foundation

/// `dive bench`: the peer benchmarks' workloads, timed, one JSON line each on stdout.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the peer benchmarks' workloads and print one JSON line per workload.",
        discussion: """
        The workloads are those of the PyTorch/Keras/JAX peer benchmarks: d2l-mlp (784-256-10, SGD 0.1, \
        batch 256, 10 epochs), d2l-softmax (784-10, the same) and keras-mlp (784-128-64-10, Adam 1e-3, \
        batch 32, 5 epochs), on Fashion-MNIST. Progress goes to stderr. Build in release mode. Each line \
        names the backend: the matrix-product library, its version and instruction set (see `dive info`).
        """
    )

    @Option(help: "d2l-mlp, d2l-softmax, keras-mlp or all.")
    var workload = "all"

    @Option(help: "Epochs per workload (default: the workload's own).")
    var epochs: Int?

    @Option(help: "Threads for matrix products and kernels. 2 by default, as the peer benchmarks' BENCH_THREADS, so that runs compare; `dive train` uses one per core.")
    var threads = 2

    @Option(help: "Folder with the Fashion-MNIST IDX files (default: the usual search order).")
    var dataDir: String?

    func validate() throws {
        guard workload == "all" || Workload.named(workload) != nil else {
            throw ValidationError("--workload: expected d2l-mlp, d2l-softmax, keras-mlp or all, got '\(workload)'")
        }
        if let epochs, epochs < 1 { throw ValidationError("--epochs: expected a positive number, got \(epochs)") }
        guard threads >= 1 else { throw ValidationError("--threads: expected a positive number, got \(threads)") }
    }

    func run() throws {
        ComputeThreads.set(threads)
        let chosen = workload == "all" ? Workload.all : [Workload.named(workload)!]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for item in chosen {
            let record = try runBenchmark(item, epochs: epochs ?? item.epochs, threads: threads,
                                          dataDirectory: dataDir) { line in
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
            print(String(decoding: try encoder.encode(record), as: UTF8.self))
        }
    }
}
