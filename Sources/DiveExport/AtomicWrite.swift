import Foundation

// TODO(#15): replace with DiveCore's shared atomic write (AtomicFile.swift) once it lands on main.
/// Writes `bytes` to a temporary file beside `path`, flushes it to the disk, then renames it to
/// `path`: a failure leaves the previous file (or none), never a truncated one, and no temporary
/// file.
func writeAtomically(_ bytes: [UInt8], to path: String) throws(ONNXExportError) {
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent()
        .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else {
        throw .io(file: path, reason: "cannot write the ONNX file: \(String(cString: strerror(errno)))")
    }
    let failure: Int32 = bytes.withUnsafeBytes { raw in
        var written = 0
        while written < raw.count {
            let count = write(descriptor, raw.baseAddress! + written, raw.count - written)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return count < 0 ? errno : EIO }
            written += count
        }
        return fsync(descriptor) == 0 ? 0 : errno
    }
    close(descriptor)
    guard failure == 0 else {
        unlink(temporary)
        throw .io(file: path, reason: "cannot write the ONNX file: \(String(cString: strerror(failure)))")
    }
    guard rename(temporary, path) == 0 else {
        let reason = String(cString: strerror(errno))
        unlink(temporary)
        throw .io(file: path, reason: "cannot replace the file: \(reason)")
    }
}
