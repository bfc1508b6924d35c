import Foundation

/// The naming of ``AtomicFile``'s temporary files, and the clean-up of those a killed process left.
extension AtomicFile {
    /// The temporary file for `path` written by process `processIdentifier`: `.NAME.PID.tmp` in
    /// the folder of `path` (e.g. `runs/a/.checkpoint.safetensors.4242.tmp`). Hidden, and named
    /// after its process so that a later run can tell a live writer's file from a stale one.
    public static func temporaryPath(for path: String, processIdentifier: Int32 = getpid()) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { path[...$0] } ?? ""                      // with its trailing "/"
        let name = slash.map { path[path.index(after: $0)...] } ?? path[...]
        return "\(folder).\(name).\(processIdentifier).tmp"
    }

    /// The process identifier in `name` when it is a temporary file's name (`.NAME.PID.tmp`), else nil.
    public static func processIdentifier(inTemporaryName name: String) -> Int32? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let parts = name.dropFirst().dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, !parts.dropLast().joined().isEmpty, let last = parts.last,
              last.allSatisfy(\.isASCII), let pid = Int32(last), pid > 0 else { return nil }
        return pid
    }

    /// Removes the temporary files in `folder` whose process no longer runs (left by a process
    /// killed while writing), and returns their names. Files of live processes, this one included,
    /// are kept: they may be in the middle of a write.
    @discardableResult
    public static func removeStaleTemporaries(in folder: String) -> [String] {
        removeTemporaries(in: folder) { pid in pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH }
    }

    /// Removes the temporary files in `folder` of process `processIdentifier`; a signal handler
    /// about to end the process calls it for its own.
    public static func removeTemporaries(in folder: String, of processIdentifier: Int32) {
        _ = removeTemporaries(in: folder) { $0 == processIdentifier }
    }

    private static func removeTemporaries(in folder: String, where shouldRemove: (Int32) -> Bool) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().filter { name in
            guard let pid = processIdentifier(inTemporaryName: name), shouldRemove(pid) else { return false }
            return unlink((folder as NSString).appendingPathComponent(name)) == 0
        }
    }
}
