import Foundation

/// Downloads a dataset's files, checks each against its published MD5, and installs them
/// all or none.
///
/// Every file is first written to a temporary file in the target folder; only when all of them
/// have arrived with the right checksum are they renamed into place (a rename within one folder
/// is atomic). On any failure the temporary files are removed, so a failed download leaves no
/// partial file behind. Files already present with the right checksum are not fetched again.
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

    /// A downloader for `source`.
    public init(source: DatasetSource) { self.source = source }

    /// Downloads every file of the dataset into `directory` (created if needed).
    ///
    /// - Parameters:
    ///   - directory: The folder the files go to.
    ///   - report: Called with progress events, on a background queue for `.progress`.
    /// - Returns: The paths of the dataset's files in `directory`.
    /// - Throws: `DownloadError` (HTTP status, broken transfer, checksum mismatch, write failure);
    ///   then no new file is left in `directory`.
    @discardableResult
    public func download(to directory: String, report: @escaping @Sendable (Event) -> Void = { _ in })
        throws(DownloadError) -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: directory, reason: (error as NSError).localizedDescription)
        }
        var staged: [(temporary: String, final: String)] = []
        defer { for file in staged { unlink(file.temporary) } }   // only on failure: emptied once renamed
        for file in source.files {
            let finalPath = (directory as NSString).appendingPathComponent(file.name)
            if Self.md5OfFile(at: finalPath) == file.md5 {
                report(.alreadyPresent(file: file.name))
                continue
            }
            let temporary = try Self.makeTemporaryFile(in: directory, for: file.name)
            staged.append((temporary.path, finalPath))
            defer { close(temporary.descriptor) }
            try fetch(file, into: temporary, report: report)
            report(.verified(file: file.name))
        }
        for file in staged where rename(file.temporary, file.final) != 0 {
            throw .cannotWrite(path: file.final, reason: String(cString: strerror(errno)))
        }
        staged.removeAll()
        return source.files.map { (directory as NSString).appendingPathComponent($0.name) }
    }

    /// Fetches `file` from the first mirror that serves it, then checks its MD5.
    private func fetch(_ file: DatasetSource.RemoteFile, into temporary: (path: String, descriptor: Int32),
                       report: @escaping @Sendable (Event) -> Void) throws(DownloadError) {
        var lastError: DownloadError?
        for mirror in source.mirrors {
            let url = mirror.appendingPathComponent(file.name)
            // Start each attempt with an empty file.
            guard ftruncate(temporary.descriptor, 0) == 0, lseek(temporary.descriptor, 0, SEEK_SET) == 0 else {
                throw .cannotWrite(path: temporary.path, reason: String(cString: strerror(errno)))
            }
            report(.started(file: file.name, url: url))
            let md5: String
            do {
                md5 = try HTTPFetch.fetch(url, into: temporary.descriptor, path: temporary.path) { received, expected in
                    report(.progress(file: file.name, received: received, expected: expected))
                }
            } catch {
                if case .cannotWrite = error { throw error }
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

    /// A new, empty file named after `name` in `directory`, open for writing.
    private static func makeTemporaryFile(in directory: String, for name: String) throws(DownloadError)
        -> (path: String, descriptor: Int32) {
        var template = Array((directory as NSString).appendingPathComponent(".\(name).download-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw .cannotWrite(path: directory, reason: String(cString: strerror(errno)))
        }
        return (template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }, descriptor)
    }

    /// The MD5 of the file at `path`, or nil when it cannot be read.
    static func md5OfFile(at path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var md5 = MD5()
        data.withUnsafeBytes { md5.update($0) }
        return md5.hexDigest
    }
}
