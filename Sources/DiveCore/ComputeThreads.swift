import Foundation
import _DiveKernels

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
        // oneDNN runs on Dive's threads (GEMM+OneDNN.swift); OpenBLAS only where oneDNN does not,
        // and its threads, woken for nothing, would otherwise spin beside Dive's.
        #if canImport(_DiveDNNL)
        BLAS.setThreads(OneDNN.isUsable ? 1 : max(1, count))
        #else
        BLAS.setThreads(max(1, count))
        #endif
    }
}

/// Runs `body` over `0..<count` split into one contiguous range per thread, in parallel when
/// there is enough work (at least `minimumPerThread` elements for each thread), else inline;
/// on ``ComputeThreads/count`` threads at most. `body` must only touch what its range owns.
///
/// The ranges depend only on `count`, `minimumPerThread` and the thread count, never on which
/// thread runs them, so results are the same from run to run. The threads are those of the C
/// pool `dive_parallel_for` (Sources/_DiveKernels/ThreadPool.c), which stay awake for a moment
/// between jobs: Dispatch's `concurrentPerform` wakes a sleeping thread for every product, which
/// cost more than the product itself at batch 32 (docs/performance.md).
public func forEachChunk(of count: Int, minimumPerThread: Int = 32_768, _ body: (Range<Int>) -> Void) {
    let threads = min(ComputeThreads.count, count / max(minimumPerThread, 1))
    guard threads > 1 else { body(0..<count); return }
    let chunk = (count + threads - 1) / threads
    withoutActuallyEscaping(body) { body in
        var job = ChunkJob(count: count, chunk: chunk, body: body)
        withUnsafeMutablePointer(to: &job) { pointer in
            dive_parallel_for(threads, Int32(clamping: threads), { context, task in
                let job = context!.assumingMemoryBound(to: ChunkJob.self).pointee
                let start = task * job.chunk
                job.body(start..<min(start + job.chunk, job.count))
            }, pointer)
        }
    }
}

/// What the pool's tasks read: the chunks are disjoint, so the threads never touch the same
/// elements.
private struct ChunkJob {
    let count: Int
    let chunk: Int
    let body: (Range<Int>) -> Void
}
