import Dispatch
import Foundation

/// How many threads Dive's kernels use: matrix products (Dive's threads running oneDNN, or BLAS's
/// threads) and the large elementwise loops.
///
/// The default is `$DIVE_NUM_THREADS` when set, else the number of processor cores. `dive`'s
/// `--threads` option calls ``set(_:)``.
public enum ComputeThreads {
    // Written by `set` before work starts and only read while kernels run.
    nonisolated(unsafe) private static var configured: Int?

    /// The thread count in use.
    public static var count: Int {
        if let configured { return configured }
        // Values that are not a sensible thread count are ignored rather than trapping below.
        let fromEnvironment = ProcessInfo.processInfo.environment["DIVE_NUM_THREADS"].flatMap { Int($0) }
            .flatMap { (1...4096).contains($0) ? $0 : nil }
        let count = max(1, fromEnvironment ?? ProcessInfo.processInfo.activeProcessorCount)
        set(count)
        return count
    }

    /// Uses `count` threads (at least 1) from now on, for every library's products.
    public static func set(_ count: Int) {
        configured = max(1, count)
        BLAS.setThreads(max(1, count))   // oneDNN runs on Dive's threads: see GEMM+OneDNN.swift
    }
}

/// Runs `body` over `0..<count` split into one contiguous range per thread, in parallel when
/// there is enough work (at least `minimumPerThread` elements for each thread), else inline.
func forEachChunk(of count: Int, minimumPerThread: Int = 32_768, _ body: (Range<Int>) -> Void) {
    let threads = min(ComputeThreads.count, count / max(minimumPerThread, 1))
    guard threads > 1 else { body(0..<count); return }
    let chunk = (count + threads - 1) / threads
    withoutActuallyEscaping(body) { body in
        // The chunks are disjoint, so the threads never touch the same elements.
        let work = UncheckedSendable(body)
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            let start = t * chunk
            work.value(start..<min(start + chunk, count))
        }
    }
}

/// Carries a value into concurrent code that the caller has made safe by other means.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
