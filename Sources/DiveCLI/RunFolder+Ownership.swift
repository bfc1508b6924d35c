import Foundation

/// Who may write a run folder: one `dive train` at a time (an advisory lock), and only into a
/// folder that is empty, holds the run being resumed, or may be overwritten.
extension RunFolder {
    /// The lock file, kept in the folder: it holds the process id of the run that locks it.
    static let lockName = ".dive-train.lock"

    /// The files a run writes, which `--overwrite` removes before a new run starts.
    static let runFileNames = ["config.json", "metrics.json", "history.csv", "model.safetensors", checkpointName,
                               "curves.svg", "curves.png", "predictions.svg", "predictions.png", "report.html"]

    /// Takes the folder's lock (`flock` on ``lockName``), held until ``RunFolderLock/release()``
    /// or the end of the process, however it ends.
    ///
    /// - Throws: When another process holds it, naming that process, or when the lock file
    ///   cannot be opened.
    func lock() throws -> RunFolderLock {
        let lockPath = file(Self.lockName)
        while true {
            let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw CommandError("cannot lock the run folder \(path): \(lockPath): \(String(cString: strerror(errno)))")
            }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                let reason = errno
                let holder = (try? String(contentsOfFile: lockPath, encoding: .utf8))?
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                close(descriptor)
                guard reason == EWOULDBLOCK else {
                    throw CommandError("cannot lock the run folder \(path): \(String(cString: strerror(reason)))")
                }
                throw CommandError("the run folder \(path) is in use by another dive train (process "
                                   + "\(holder.flatMap { $0.isEmpty ? nil : $0 } ?? "unknown")); wait for it to end, "
                                   + "or choose another folder with --out")
            }
            // A run that ended between our open and flock removed the file we locked: lock the new one.
            var opened = stat(), named = stat()
            guard fstat(descriptor, &opened) == 0, stat(lockPath, &named) == 0, opened.st_ino == named.st_ino else {
                close(descriptor)
                continue
            }
            let pid = Array("\(getpid())\n".utf8)
            _ = ftruncate(descriptor, 0)
            _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
            return RunFolderLock(path: lockPath, descriptor: descriptor)
        }
    }

    /// The names in the folder other than the lock file, sorted.
    var contents: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0 != Self.lockName }.sorted()
    }

    /// Checks that a new run may write here: the folder is empty, or `overwrite` is set, in
    /// which case the files of an earlier run are removed first (other files are left alone).
    ///
    /// - Throws: When the folder holds anything and `overwrite` is not set, listing what it holds.
    func prepareForNewRun(overwrite: Bool) throws {
        let present = contents
        guard !present.isEmpty else { return }
        guard overwrite else {
            let shown = present.prefix(5).joined(separator: ", ") + (present.count > 5 ? ", …" : "")
            let isRun = present.contains(Self.checkpointName) || present.contains("model.safetensors")
            throw CommandError("the run folder \(path) is not empty (it holds \(shown)); "
                               + (isRun ? "continue its run with --resume \(path), or " : "")
                               + "pass --overwrite to replace its run files, or choose another folder with --out")
        }
        for name in Self.runFileNames where present.contains(name) {
            do {
                try FileManager.default.removeItem(atPath: file(name))
            } catch {
                throw CommandError("--overwrite: cannot remove \(file(name)): \(describe(fileError: error))")
            }
        }
    }
}

/// The lock a `dive train` holds on its run folder.
final class RunFolderLock {
    private let path: String
    private var descriptor: Int32

    fileprivate init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    /// Removes the lock file and releases the lock, so that a finished run leaves only its files.
    func release() {
        guard descriptor >= 0 else { return }
        unlink(path)                      // before the lock goes: a waiting run then sees a new file
        close(descriptor)
        descriptor = -1
    }
}

/// The system's reason for a failed file operation (e.g. "Permission denied"), rather than
/// Foundation's domain and code.
func describe(fileError error: any Error) -> String {
    let error = error as NSError
    if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
        return String(cString: strerror(Int32(underlying.code)))
    }
    if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
    return error.localizedDescription
}

/// A file error as `PATH: reason` when it names its file, else the reason alone.
func fileErrorWithPath(_ error: any Error) -> String {
    let path = (error as NSError).userInfo["NSFilePath"] as? String
    return (path.map { "\($0): " } ?? "") + describe(fileError: error)
}
