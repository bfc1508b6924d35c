import Foundation
import _DiveZlib

/// Small IDX files and gzip streams made on the spot, and temporary folders to put them in.
enum Fixtures {
    /// IDX bytes: the magic `00 00 type rank`, big-endian sizes, then `payload`.
    static func idx(dimensions: [Int], payload: [UInt8], elementType: UInt8 = 0x08) -> [UInt8] {
        var bytes: [UInt8] = [0, 0, elementType, UInt8(dimensions.count)]
        for size in dimensions {
            bytes += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: size >> $0) }
        }
        return bytes + payload
    }

    /// An image file of `count` images of `height × width`, pixel `k` of the file being `k % 256`.
    static func images(count: Int, height: Int = 2, width: Int = 3) -> [UInt8] {
        idx(dimensions: [count, height, width], payload: (0..<count * height * width).map { UInt8($0 % 256) })
    }

    /// A label file holding `labels`.
    static func labels(_ labels: [UInt8]) -> [UInt8] { idx(dimensions: [labels.count], payload: labels) }

    /// `bytes` compressed as a gzip stream (zlib's deflate with windowBits 31).
    static func gzip(_ bytes: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        precondition(deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY,
                                   zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK)
        defer { deflateEnd(&stream) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 32)
        let status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { destination in
                stream.next_in = source.baseAddress
                stream.avail_in = UInt32(source.count)
                stream.next_out = destination.baseAddress
                stream.avail_out = UInt32(destination.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        precondition(status == Z_STREAM_END, "deflate failed: \(status)")
        return Array(output[..<Int(stream.total_out)])
    }
}

/// A fresh folder under the system's temporary directory, removed when the value is released.
final class TemporaryDirectory {
    let path: String

    init() {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("dive-data-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `bytes` to `name` (in a subfolder when `name` has slashes) and returns its path.
    @discardableResult
    func write(_ bytes: [UInt8], to name: String) -> String {
        let file = (path as NSString).appendingPathComponent(name)
        try! FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        precondition(FileManager.default.createFile(atPath: file, contents: Data(bytes)), "cannot write \(file)")
        return file
    }

    /// The names of the files in the folder, hidden ones included, sorted.
    var fileNames: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }
}
