/// Why a download failed; in every case nothing was left half-written.
public enum DownloadError: Error, Equatable, CustomStringConvertible {
    /// The server answered with a status other than 200.
    case httpStatus(url: String, status: Int)
    /// The connection failed or broke off (`reason` from the networking layer).
    case transfer(url: String, reason: String)
    /// The body ended before the announced length.
    case incomplete(url: String, received: Int64, expected: Int64)
    /// The file arrived whole but its MD5 is not the published one.
    case checksumMismatch(file: String, url: String, expected: String, found: String)
    /// A file or folder could not be written.
    case cannotWrite(path: String, reason: String)
    /// The server announced (`announced`) or sent more than the file's known size.
    case wrongSize(url: String, expected: Int64, found: Int64, announced: Bool)
    /// The download's deadline passed, `seconds` after it started.
    case timedOut(url: String, seconds: Int)
    /// No data arrived for `seconds`.
    case stalled(url: String, seconds: Int)
    /// A signal (Ctrl-C, SIGTERM) stopped the download.
    case interrupted(url: String)

    public var description: String {
        switch self {
        case let .httpStatus(url, status):
            "\(url): the server answered HTTP \(status), expected 200"
        case let .transfer(url, reason):
            "\(url): download failed (\(reason))"
        case let .incomplete(url, received, expected):
            "\(url): the connection closed after \(received) of \(expected) bytes"
        case let .checksumMismatch(file, url, expected, found):
            "\(file): checksum mismatch, expected MD5 \(expected) but found \(found) (from \(url)); nothing was installed"
        case let .cannotWrite(path, reason):
            "\(path): cannot write (\(reason))"
        case let .wrongSize(url, expected, found, announced):
            announced ? "\(url): the server announces \(found) bytes, expected \(expected); is it serving another file?"
                      : "\(url): the server sent more than the expected \(expected) bytes; is it serving another file?"
        case let .timedOut(url, seconds):
            "\(url): timed out after \(seconds) s"
        case let .stalled(url, seconds):
            "\(url): timed out after \(seconds) s without receiving any data"
        case let .interrupted(url):
            "\(url): download interrupted; nothing was installed"
        }
    }
}
