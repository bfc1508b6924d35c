import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Process-level measurements the benchmark reports, taken the way the peers take them.
enum ProcessClock {
    /// Seconds since this process started: from the kernel's start time of the process on Linux
    /// (as the peers measure it), else since this process first asked.
    static func secondsSinceStart() -> Double {
        #if os(Linux)
        if let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
           let close = stat.lastIndex(of: ")") {
            let fields = stat[stat.index(close, offsetBy: 2)...].split(separator: " ")
            if fields.count > 19, let ticks = Double(fields[19]) {
                var now = timespec()
                clock_gettime(CLOCK_BOOTTIME, &now)
                let hertz = Double(sysconf(Int32(_SC_CLK_TCK)))
                return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9 - ticks / hertz
            }
        }
        #endif
        return Date().timeIntervalSince(firstAsked)
    }

    private static let firstAsked = Date()

    /// The largest resident set this process has had, in MiB.
    static func peakResidentMegabytes() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1_048_576  // bytes on macOS
        #endif
    }
}
