import Foundation

// TODO(#15): replace with DiveCore's shared atomic write (AtomicFile.swift) once it lands.
/// Writes `bytes` to `path` through a temporary file in the same folder that is then renamed
/// over it, so that a failure leaves the previous file (or none), never a truncated one.
func writeAtomically(_ bytes: [UInt8], to path: String) throws(ONNXExportError) {
    do {
        try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
        throw .io(file: path, reason: "cannot write the ONNX file: \((error as NSError).localizedDescription)")
    }
}
