import Synchronization
import Testing
@testable import DiveCore

/// `forEachChunk` on the thread pool: every element is visited once, in the ranges the shape and
/// thread count decide, however callers nest and overlap.
struct ComputeThreadsTests {
    /// Counts how often each element of `0..<count` is visited by one `forEachChunk`.
    private static func visits(of count: Int, minimumPerThread: Int,
                               nested: Bool = false) -> (counts: [Int], ranges: [Range<Int>]) {
        let counts = Mutex([Int](repeating: 0, count: count))
        let ranges = Mutex<[Range<Int>]>([])
        forEachChunk(of: count, minimumPerThread: minimumPerThread) { range in
            ranges.withLock { $0.append(range) }
            if nested {
                // A call from inside a task runs inline, on that task's thread.
                forEachChunk(of: range.count, minimumPerThread: 1) { inner in
                    counts.withLock { for i in inner { $0[range.lowerBound + i] += 1 } }
                }
            } else {
                counts.withLock { for i in range { $0[i] += 1 } }
            }
        }
        return (counts.withLock { $0 }, ranges.withLock { $0.sorted { $0.lowerBound < $1.lowerBound } })
    }

    @Test(arguments: [0, 1, 7, 1000, 65_537])
    func everyElementIsVisitedOnce(count: Int) {
        let (counts, _) = Self.visits(of: count, minimumPerThread: 1)
        #expect(counts == Array(repeating: 1, count: count))
    }

    @Test func theRangesDependOnlyOnTheCountAndThreads() {
        let threads = ComputeThreads.count
        let (_, ranges) = Self.visits(of: 1000, minimumPerThread: 1)
        let chunk = (1000 + threads - 1) / threads
        #expect(ranges == (0..<threads).map { $0 * chunk..<min(($0 + 1) * chunk, 1000) })
        // Too little work for a second thread: one range, run inline.
        #expect(Self.visits(of: 1000, minimumPerThread: 1000).ranges == [0..<1000])
    }

    @Test func nestedCallsRunInline() {
        let (counts, _) = Self.visits(of: 4096, minimumPerThread: 1, nested: true)
        #expect(counts == Array(repeating: 1, count: 4096))
    }

    @Test func callersOnManyThreadsAtOnceAllFinish() async {
        let totals = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    var total = 0
                    for _ in 0..<200 { total += Self.visits(of: 513, minimumPerThread: 1).counts.reduce(0, +) }
                    return total
                }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(totals == Array(repeating: 200 * 513, count: 16))
    }
}
