import ArgumentParser
import Dive
import Foundation

/// `--threads`, shared by the commands that compute, and the check of `$DIVE_NUM_THREADS`.
struct ThreadsOption: ParsableArguments {
    /// The most threads accepted: far more than any machine Dive runs on has cores.
    static let maximum = 1024

    @Option(parsing: .unconditional,
            help: "Threads for matrix products and large loops (default: $DIVE_NUM_THREADS, else one per core).")
    var threads: Int?

    mutating func validate() throws {
        if let threads, !(1...Self.maximum).contains(threads) {
            throw ValidationError("--threads must be from 1 to \(Self.maximum), got \(threads)")
        }
    }

    /// Uses the given thread count from now on, when one was given.
    func apply() {
        if let threads { ComputeThreads.set(threads) }
    }

    /// Throws when `$DIVE_NUM_THREADS` is set to anything but a whole number from 1 to ``maximum``.
    static func checkEnvironment() throws {
        guard let text = ProcessInfo.processInfo.environment["DIVE_NUM_THREADS"] else { return }
        guard let count = Int(text), (1...maximum).contains(count) else {
            throw CommandError("DIVE_NUM_THREADS=\(text): expected a whole number of threads from 1 to \(maximum); "
                               + "unset it to use one thread per core")
        }
    }
}
