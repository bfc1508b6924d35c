import Foundation

/// A file written whole or not at all: the bytes go to a temporary file in the same folder,
/// which is flushed to the disk and then renamed over the final path (a rename within one folder
/// is atomic). A crash, a signal or a full disk leaves either the old file or the new one, never
/// a truncated one.
///
/// The temporary file of `folder/NAME` written by process `PID` is always `folder/.NAME.PID.tmp`
/// (see ``temporaryPath(for:processIdentifier:)``). A process killed before its rename leaves that
/// file behind; ``removeStaleTemporaries(in:)`` removes those whose process is gone.
///
/// ```swift
/// try AtomicFile.write(Array("hello".utf8), to: "greeting.txt")
/// ```
public final class AtomicFile {
    /// The path the bytes are meant for.
    public let path: String
    /// The temporary file that holds them until ``commit()``.
    public let temporaryPath: String
    private var descriptor: Int32

    /// Opens a new, empty temporary file for `path`.
    ///
    /// - Throws: `AtomicFileError.cannotCreate` naming the temporary file and the system's reason.
    public init(creating path: String) throws(AtomicFileError) {
        self.path = path
        temporaryPath = Self.temporaryPath(for: path)
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotCreate(path: path, temporary: temporaryPath, reason: Self.reason(errno)) }
    }

    /// Removes the temporary file unless it was committed.
    deinit { discard() }

    /// Appends `bytes` to the temporary file.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(AtomicFileError) {
        var written = 0
        while written < bytes.count {
            let count = Foundation.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw .cannotWrite(path: path, reason: Self.reason(count < 0 ? errno : EIO)) }
            written += count
        }
    }

    /// Appends `bytes` to the temporary file.
    public func write(_ bytes: [UInt8]) throws(AtomicFileError) {
        try bytes.withUnsafeBytes { raw in Result { () throws(AtomicFileError) in try write(raw) } }.get()
    }

    /// Empties the temporary file, to start its contents again (e.g. from another mirror).
    public func reset() throws(AtomicFileError) {
        guard ftruncate(descriptor, 0) == 0, lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw .cannotWrite(path: path, reason: Self.reason(errno))
        }
    }

    /// Flushes the temporary file to the disk and renames it to ``path``, replacing any file there.
    /// On failure the temporary file is removed and the file at ``path`` is untouched.
    public func commit() throws(AtomicFileError) {
        precondition(descriptor >= 0, "AtomicFile.commit: \(path) was already committed or discarded")
        let synced = fsync(descriptor) == 0 ? 0 : errno
        close(descriptor)
        descriptor = -1
        guard synced == 0 else {
            unlink(temporaryPath)
            throw .cannotWrite(path: path, reason: Self.reason(synced))
        }
        guard rename(temporaryPath, path) == 0 else {
            let failure = errno
            unlink(temporaryPath)
            throw .cannotReplace(path: path, reason: Self.reason(failure))
        }
    }

    /// Closes and removes the temporary file, leaving ``path`` as it was. Does nothing after
    /// ``commit()``.
    public func discard() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlink(temporaryPath)
    }

    /// Writes `bytes` to `path` atomically.
    public static func write(_ bytes: [UInt8], to path: String) throws(AtomicFileError) {
        let file = try AtomicFile(creating: path)
        try file.write(bytes)
        try file.commit()
    }

    private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}

/// Why an atomic write failed; the file at the final path is untouched in every case.
public enum AtomicFileError: Error, Equatable, CustomStringConvertible {
    /// The temporary file for `path` could not be created.
    case cannotCreate(path: String, temporary: String, reason: String)
    /// Writing or flushing the bytes for `path` failed (a full disk, for one).
    case cannotWrite(path: String, reason: String)
    /// The finished temporary file could not be renamed to `path`.
    case cannotReplace(path: String, reason: String)

    /// The final path the write was for.
    public var path: String {
        switch self {
        case let .cannotCreate(path, _, _), let .cannotWrite(path, _), let .cannotReplace(path, _): path
        }
    }

    /// What went wrong, without the path: "cannot write: No space left on device".
    public var problem: String {
        switch self {
        case let .cannotCreate(_, temporary, reason): "cannot create the temporary file \(temporary): \(reason)"
        case let .cannotWrite(_, reason): "cannot write: \(reason)"
        case let .cannotReplace(_, reason): "cannot replace the file: \(reason)"
        }
    }

    public var description: String { "\(path): \(problem)" }
}
