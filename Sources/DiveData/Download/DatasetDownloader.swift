import DiveCore
import Foundation

/// Downloads a dataset's files, checks each against its published size and MD5, and installs
/// them all or none.
///
/// Every file is streamed to disk, into an `AtomicFile`'s temporary file in the target folder
/// (`.NAME.PID.tmp`); only when all of them have arrived with the right size and checksum are
/// they renamed into place. On any failure, including a passed deadline or a stop request, the
/// temporary files are removed, so a failed download leaves no partial file behind. Files
/// already present with the right checksum are not fetched again.
public struct DatasetDownloader: Sendable {
    /// What a download is doing, for a progress display.
    public enum Event: Sendable {
        /// `file` is already in place with the right checksum.
        case alreadyPresent(file: String)
        /// `file` is being fetched from `url`.
        case started(file: String, url: URL)
        /// `received` bytes of `file` have arrived, of `expected` when the server said.
        case progress(file: String, received: Int64, expected: Int64?)
        /// `file` arrived and its checksum is right.
        case verified(file: String)
        /// Fetching from a mirror failed and the next one is tried.
        case retrying(file: String, error: DownloadError)
    }

    /// The dataset to fetch.
    public let source: DatasetSource
    /// Seconds the whole download may take, all files and mirrors together.
    public let timeout: Int
    /// Seconds without any data before a transfer is given up.
    public let stallTimeout: Int

    /// A downloader for `source` that gives up after `timeout` seconds in all (15 minutes by
    /// default) or `stallTimeout` seconds without data (60 by default).
    public init(source: DatasetSource, timeout: Int = 900, stallTimeout: Int = 60) {
        precondition(timeout > 0 && stallTimeout > 0, "DatasetDownloader: timeouts must be positive")
        self.source = source
        self.timeout = timeout
        self.stallTimeout = stallTimeout
    }

    /// Downloads every file of the dataset into `directory` (created if needed).
    ///
    /// - Parameters:
    ///   - directory: The folder the files go to.
    ///   - report: Called with progress events, on a background queue for `.progress`.
    ///   - shouldStop: Polled while waiting for data; returning true stops the download with
    ///     `DownloadError.interrupted` (a signal handler sets what it reads).
    /// - Returns: The paths of the dataset's files in `directory`.
    /// - Throws: `DownloadError` (HTTP status, broken transfer, wrong size, checksum mismatch,
    ///   timeout, interruption, write failure); then no new file is left in `directory`.
    @discardableResult
    public func download(to directory: String, report: @escaping @Sendable (Event) -> Void = { _ in },
                         shouldStop: @escaping @Sendable () -> Bool = { false }) throws(DownloadError) -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: directory, reason: (error as NSError).localizedDescription)
        }
        AtomicFile.removeStaleTemporaries(in: directory)
        let deadline = Date().addingTimeInterval(TimeInterval(timeout))
        var staged: [AtomicFile] = []
        do {
            for file in source.files {
                let finalPath = (directory as NSString).appendingPathComponent(file.name)
                if Self.md5OfFile(at: finalPath, size: file.size) == file.md5 {
                    report(.alreadyPresent(file: file.name))
                    continue
                }
                let temporary = try AtomicFile(creating: finalPath)
                staged.append(temporary)
                let limits = HTTPFetch.Limits(size: file.size, deadline: deadline, seconds: timeout,
                                              stallSeconds: stallTimeout, shouldStop: shouldStop)
                try fetch(file, into: temporary, limits: limits, report: report)
                report(.verified(file: file.name))
            }
            for file in staged { try file.commit() }
        } catch {
            // Now, not when the last reference goes: the networking layer may hold one a while.
            for file in staged { file.discard() }
            if let error = error as? AtomicFileError { throw .cannotWrite(path: error.path, reason: error.problem) }
            throw error as! DownloadError   // the only two kinds thrown above
        }
        return source.files.map { (directory as NSString).appendingPathComponent($0.name) }
    }

    /// Fetches `file` from the first mirror that serves it, then checks its MD5.
    private func fetch(_ file: DatasetSource.RemoteFile, into temporary: AtomicFile, limits: HTTPFetch.Limits,
                       report: @escaping @Sendable (Event) -> Void) throws(DownloadError) {
        var lastError: DownloadError?
        for mirror in source.mirrors {
            let url = mirror.appendingPathComponent(file.name)
            // Start each attempt with an empty file.
            do {
                try temporary.reset()
            } catch {
                throw .cannotWrite(path: error.path, reason: error.problem)
            }
            report(.started(file: file.name, url: url))
            let md5: String
            do {
                md5 = try HTTPFetch.fetch(url, into: temporary, limits: limits) { received, expected in
                    report(.progress(file: file.name, received: received, expected: expected))
                }
            } catch {
                switch error {
                case .cannotWrite, .timedOut, .interrupted: throw error   // no other mirror would help
                default: break
                }
                lastError = error
                if mirror != source.mirrors.last { report(.retrying(file: file.name, error: error)) }
                continue
            }
            // A wrong checksum is not the mirror's fault to retry: the file arrived whole but differs.
            guard md5 == file.md5 else {
                throw .checksumMismatch(file: file.name, url: url.absoluteString, expected: file.md5, found: md5)
            }
            return
        }
        throw lastError ?? .transfer(url: file.name, reason: "no mirror to download from")
    }

    /// The MD5 of the file at `path` when it has `size` bytes, or nil when it has not or cannot
    /// be read (so that a huge stray file is never read into memory).
    static func md5OfFile(at path: String, size: Int64) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int64(info.st_size) == size,
              let data = FileManager.default.contents(atPath: path) else { return nil }
        var md5 = MD5()
        data.withUnsafeBytes { md5.update($0) }
        return md5.hexDigest
    }
}
