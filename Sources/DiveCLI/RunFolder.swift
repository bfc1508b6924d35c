import Foundation

/// The folder a training run writes: `config.json`, `metrics.json`, `history.csv`, `model.safetensors`.
struct RunFolder {
    /// The folder's path as given.
    let path: String

    /// Creates the folder (and its parents) when missing.
    init(creating path: String) throws {
        self.path = path
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw CommandError("cannot create the run folder \(path): \(error.localizedDescription)")
        }
    }

    /// `runs/<date-time>` in the current directory, e.g. `runs/2025-01-31-142501`.
    static func defaultPath(at date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd-HHmmss"
        return "runs/" + formatter.string(from: date)
    }

    /// The path of the file `name` in the folder.
    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// Writes `text` to the file `name` atomically.
    func write(_ text: String, to name: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: file(name)), options: .atomic)
        } catch {
            throw CommandError("cannot write \(file(name)): \(error.localizedDescription)")
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
