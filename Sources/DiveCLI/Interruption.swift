import Dispatch
import Dive
import Foundation

/// Turns Ctrl-C (SIGINT) and SIGTERM into a request to stop that training checks between
/// batches, so that it can write a checkpoint first. A second signal exits at once: the
/// checkpoint is written atomically, so the file in place is the previous good one; the
/// half-written temporary files of this process are removed.
final class Interruption: @unchecked Sendable {
    // The signal sources' handlers run on `queue`; `received` is read from the training loop.
    private let lock = NSLock()
    private var firstSignal: Int32?
    private let queue = DispatchQueue(label: "dive.interruption")
    private var sources: [any DispatchSourceSignal] = []

    /// Starts catching SIGINT and SIGTERM; `folder` is where temporary files are cleaned up.
    convenience init(cleaning folder: RunFolder) {
        self.init(cleaning: folder.path, stopping: "stopping after this batch and writing a checkpoint")
    }

    /// Starts catching SIGINT and SIGTERM; the first signal prints `stopping` (what happens
    /// next), a second removes this process's temporary files in `directory` and exits.
    init(cleaning directory: String, stopping: String) {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)                 // delivered to the source instead
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler { [weak self] in
                self?.receive(signalNumber, directory: directory, stopping: stopping)
            }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for source in sources { source.cancel() }
    }

    /// The first signal received, or nil.
    var received: Int32? { lock.withLock { firstSignal } }

    /// The conventional exit status for the signal received: 128 + its number (130 for SIGINT,
    /// 143 for SIGTERM).
    var exitStatus: Int32 { 128 + (received ?? SIGINT) }

    private func receive(_ signalNumber: Int32, directory: String, stopping: String) {
        let first = lock.withLock {
            defer { firstSignal = firstSignal ?? signalNumber }
            return firstSignal == nil
        }
        guard !first else {
            let message = "\n\(Self.name(of: signalNumber)): \(stopping) (again to quit at once)\n"
            FileHandle.standardError.write(Data(message.utf8))
            return
        }
        AtomicFile.removeTemporaries(in: directory, of: getpid())
        _exit(128 + signalNumber)
    }

    private static func name(of signalNumber: Int32) -> String { signalNumber == SIGINT ? "interrupted" : "terminated" }
}
