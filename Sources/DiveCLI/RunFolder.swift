import Dive
import Foundation

/// The folder a training run writes: `config.json`, `metrics.json`, `history.csv`, `model.safetensors`.
struct RunFolder {
    /// The folder's path as given.
    let path: String

    /// Creates the folder (and its parents) when missing.
    init(creating path: String) throws {
        self.path = path
        // One mkdir per component, so that the error names the component and the system's reason.
        var current = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            current = current.isEmpty ? String(component) : (current as NSString).appendingPathComponent(String(component))
            if mkdir(current, 0o777) != 0 && errno != EEXIST {
                throw CommandError("cannot create the run folder \(path): \(current): \(String(cString: strerror(errno))); "
                                   + "choose another with --out")
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandError("cannot create the run folder \(path): a file of that name exists; choose another with --out")
        }
        // What a process killed in the middle of a write (SIGKILL, power loss) left behind.
        AtomicFile.removeStaleTemporaries(in: path)
    }

    /// `runs/<date-time>` in the current directory, e.g. `runs/2025-01-31-142501`.
    static func defaultPath(at date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd-HHmmss"
        return "runs/" + formatter.string(from: date)
    }

    /// The name of the checkpoint written after every epoch and on interruption, that
    /// `dive train --resume` continues from.
    static let checkpointName = "checkpoint.safetensors"

    /// Checks that files can be created in the folder and that its file system has `bytes`
    /// free, so that a run fails before training rather than when it saves.
    func checkWritable(needing bytes: Int) throws {
        let probe = file(".write-test-\(getpid())")
        guard FileManager.default.createFile(atPath: probe, contents: Data("dive".utf8)) else {
            throw CommandError("the run folder \(path) is not writable: \(String(cString: strerror(errno))); "
                               + "choose another with --out")
        }
        try? FileManager.default.removeItem(atPath: probe)
        var info = statvfs()
        if statvfs(path, &info) == 0 {
            let available = Int(clamping: UInt64(info.f_bavail) &* UInt64(info.f_frsize))
            guard available >= bytes else {
                throw CommandError("the run folder \(path) has \(available / 1_000_000) MB free; the run needs about "
                                   + "\(bytes / 1_000_000 + 1) MB for its checkpoints and pictures")
            }
        }
    }

    /// The path of the file `name` in the folder.
    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// Writes `text` to the file `name` atomically.
    func write(_ text: String, to name: String) throws {
        do {
            try AtomicFile.write(Array(text.utf8), to: file(name))
        } catch {
            throw CommandError(error.description)
        }
    }

    /// Writes `value` as pretty-printed JSON (sorted keys, newline at the end) to the file `name`.
    func writeJSON(_ value: some Encodable, to name: String) throws {
        try write(Self.json(value, pretty: true) + "\n", to: name)
    }

    /// `value` as JSON text: one line, or pretty-printed; sorted keys either way.
    static func json(_ value: some Encodable, pretty: Bool) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                                          : [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf",
                                                                      negativeInfinity: "-inf", nan: "nan")
        // Every value written is made of strings, numbers, arrays and optionals.
        return String(decoding: try! encoder.encode(value), as: UTF8.self)
    }

    /// The top-level fields of `value`'s JSON form as name/value pairs, for the report: the keys
    /// named in `leading` first, in that order, then the others in key order.
    static func pairs(of value: some Encodable, leading: [String] = []) -> [(name: String, value: String)] {
        let text = json(value, pretty: false)
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return [] }
        let keys = leading.filter { object[$0] != nil } + object.keys.sorted().filter { !leading.contains($0) }
        return keys.map { key in
            if let string = object[key] as? String { return (key, string) }
            let data = (try? JSONSerialization.data(withJSONObject: object[key]!, options: [.sortedKeys, .fragmentsAllowed])) ?? Data()
            let text = String(decoding: data, as: UTF8.self)
            // Floats widened to doubles print with noise digits (0.10000000149011612): round them.
            if text.contains("."), let number = Double(text) { return (key, String(format: "%.6g", number)) }
            return (key, text)
        }
    }
}
