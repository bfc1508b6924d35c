import DiveCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP(S) GET streamed into a file while its MD5 is computed, bounded in size and time.
///
/// URLSession's delegate callbacks arrive on the session's queue while the caller waits in
/// short steps, checking the deadline and whether to stop; the state both sides touch is
/// guarded by `lock`.
final class HTTPFetch: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// When and why a fetch must give up.
    struct Limits {
        /// The file's known size: a larger body, or another announced length, is refused.
        var size: Int64
        /// The moment the whole download must be over, and its length in seconds for the message.
        var deadline: Date
        var seconds: Int
        /// Seconds without any data before giving up.
        var stallSeconds: Int
        /// Polled while waiting; true stops the fetch (a signal arrived).
        var shouldStop: @Sendable () -> Bool
    }

    private let url: URL
    private let file: AtomicFile
    private let limits: Limits
    private let progress: (_ received: Int64, _ expected: Int64?) -> Void
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var md5 = MD5()
    private var received: Int64 = 0
    private var failure: DownloadError?

    private init(url: URL, file: AtomicFile, limits: Limits, progress: @escaping (Int64, Int64?) -> Void) {
        self.url = url
        self.file = file
        self.limits = limits
        self.progress = progress
    }

    /// Fetches `url` into `file`, calling `progress` as bytes arrive, and returns the body's MD5.
    ///
    /// - Throws: `DownloadError` for a status other than 200, a broken transfer, a length other
    ///   than `limits.size`, a body that ends early, a passed deadline, a stop request or a
    ///   failed write.
    static func fetch(_ url: URL, into file: AtomicFile, limits: Limits,
                      progress: @escaping (Int64, Int64?) -> Void) throws(DownloadError) -> String {
        let fetch = HTTPFetch(url: url, file: file, limits: limits, progress: progress)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = TimeInterval(limits.stallSeconds)
        let session = URLSession(configuration: configuration, delegate: fetch, delegateQueue: nil)
        let task = session.dataTask(with: url)
        task.resume()
        fetch.waitForCompletion(of: task)
        session.finishTasksAndInvalidate()   // the session holds its delegate until invalidated
        return try fetch.result()
    }

    /// Waits in steps of 50 ms until the task completes, cancelling it when the deadline passes
    /// or a stop is requested.
    private func waitForCompletion(of task: URLSessionDataTask) {
        var cancelledAt: Date?
        while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            if let cancelledAt {
                // A cancelled task completes at once; never wait on one for long.
                if Date().timeIntervalSince(cancelledAt) > 5 { return }
                continue
            }
            if limits.shouldStop() {
                fail(.interrupted(url: url.absoluteString))
            } else if Date() >= limits.deadline {
                fail(.timedOut(url: url.absoluteString, seconds: limits.seconds))
            } else {
                continue
            }
            task.cancel()
            cancelledAt = Date()
        }
    }

    private func result() throws(DownloadError) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure }
        guard received == limits.size else {
            throw .incomplete(url: url.absoluteString, received: received, expected: limits.size)
        }
        return md5.hexDigest
    }

    /// Records `error` unless an earlier one is already recorded.
    private func fail(_ error: DownloadError) {
        lock.withLock { failure = failure ?? error }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let length = response.expectedContentLength
        if status != 200 {
            fail(.httpStatus(url: url.absoluteString, status: status))
        } else if length >= 0 && length != limits.size {
            fail(.wrongSize(url: url.absoluteString, expected: limits.size, found: length, announced: true))
        } else {
            completionHandler(.allow)
            return
        }
        completionHandler(.cancel)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let error: DownloadError? = lock.withLock {
            guard failure == nil else { return nil }
            guard received + Int64(data.count) <= limits.size else {
                return .wrongSize(url: url.absoluteString, expected: limits.size,
                                  found: received + Int64(data.count), announced: false)
            }
            let written = data.withUnsafeBytes { bytes in
                Result { () throws(AtomicFileError) in try file.write(bytes) }
            }
            if case .failure(let error) = written { return .cannotWrite(path: error.path, reason: error.problem) }
            data.withUnsafeBytes { md5.update($0) }
            received += Int64(data.count)
            return nil
        }
        if let error {
            fail(error)
            dataTask.cancel()
            return
        }
        progress(lock.withLock { received }, limits.size)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        if let error {
            let code = (error as NSError).code
            fail(code == NSURLErrorTimedOut ? .stalled(url: url.absoluteString, seconds: limits.stallSeconds)
                                            : .transfer(url: url.absoluteString, reason: error.localizedDescription))
        }
        done.signal()
    }
}
