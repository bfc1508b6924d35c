import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP(S) GET streamed into an open file descriptor while its MD5 is computed.
///
/// URLSession's delegate callbacks arrive on the session's queue; the caller blocks until the
/// task completes, so the state below is written there and read only after `done` is signalled.
final class HTTPFetch: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let url: URL
    private let descriptor: Int32
    private let progress: (_ received: Int64, _ expected: Int64?) -> Void
    private let done = DispatchSemaphore(value: 0)
    private var md5 = MD5()
    private var received: Int64 = 0
    private var expected: Int64?
    private var failure: DownloadError?

    private init(url: URL, descriptor: Int32, progress: @escaping (Int64, Int64?) -> Void) {
        self.url = url
        self.descriptor = descriptor
        self.progress = progress
    }

    /// Fetches `url` into `descriptor`, calling `progress` as bytes arrive, and returns the body's MD5.
    ///
    /// - Throws: `DownloadError` for a status other than 200, a broken transfer, a body shorter
    ///   than its `Content-Length`, or a failed write.
    static func fetch(_ url: URL, into descriptor: Int32, path: String,
                      progress: @escaping (Int64, Int64?) -> Void) throws(DownloadError) -> String {
        let fetch = HTTPFetch(url: url, descriptor: descriptor, progress: progress)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 60   // seconds without data before giving up
        let session = URLSession(configuration: configuration, delegate: fetch, delegateQueue: nil)
        session.dataTask(with: url).resume()
        fetch.done.wait()
        session.finishTasksAndInvalidate()   // the session holds its delegate until invalidated
        if let failure = fetch.failure {
            if case .cannotWrite(_, let reason) = failure { throw .cannotWrite(path: path, reason: reason) }
            throw failure
        }
        if let expected = fetch.expected, expected != fetch.received {
            throw .incomplete(url: url.absoluteString, received: fetch.received, expected: expected)
        }
        return fetch.md5.hexDigest
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard status == 200 else {
            failure = .httpStatus(url: url.absoluteString, status: status)
            completionHandler(.cancel)
            return
        }
        expected = response.expectedContentLength >= 0 ? response.expectedContentLength : nil
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard failure == nil else { return }
        data.withUnsafeBytes { bytes in
            var written = 0
            while written < bytes.count {
                let n = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else {
                    failure = .cannotWrite(path: "", reason: String(cString: strerror(errno)))
                    dataTask.cancel()
                    return
                }
                written += n
            }
            md5.update(bytes)
        }
        received += Int64(data.count)
        progress(received, expected)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        if failure == nil, let error {
            failure = .transfer(url: url.absoluteString, reason: error.localizedDescription)
        }
        done.signal()
    }
}
