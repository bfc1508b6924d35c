import Foundation

/// The key results of one run of an example, in the order the book presents them: what
/// `dive example NAME --json` prints, and what the tests check against the book.
///
/// ```swift
/// var result = ExampleResult()
/// result["final_loss"] = .number(0.000049)
/// result["w_error"] = .numbers([0.0004, -0.0002])
/// result.json()   // {"final_loss":4.9e-05,"w_error":[0.0004,-0.0002]}
/// ```
/// `json()` is its only writer: it keeps the entries in the order they were set, which a keyed
/// `Encodable` container cannot promise.
public struct ExampleResult: Sendable, Equatable {
    /// The results as (key, value) pairs, in the order they were set; keys are unique.
    public private(set) var entries: [(key: String, value: ResultValue)] = []
    /// The files the example wrote (figures), in the order written.
    public var files: [String] = []

    /// An empty result.
    public init() {}

    /// The value for `key`; setting a new key appends it, setting an existing key replaces its
    /// value in place, and setting nil removes it.
    public subscript(key: String) -> ResultValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            let index = entries.firstIndex { $0.key == key }
            switch (index, newValue) {
            case let (index?, value?): entries[index].value = value
            case let (index?, nil): entries.remove(at: index)
            case let (nil, value?): entries.append((key, value))
            case (nil, nil): break
            }
        }
    }

    /// The number stored under `key` (an integer counts), or nil.
    public func number(_ key: String) -> Double? { self[key]?.number }

    /// The numbers stored under `key` as a list, or nil.
    public func numbers(_ key: String) -> [Double]? { self[key]?.numbers }

    /// The texts stored under `key` as a list, or nil.
    public func texts(_ key: String) -> [String]? { self[key]?.texts }

    /// One line of JSON: an object with the entries in order, then `"files"` when any were written.
    /// Non-finite numbers become `null`.
    public func json() -> String {
        var fields = entries.map { "\(ResultValue.text($0.key).json):\($0.value.json)" }
        if !files.isEmpty { fields.append("\"files\":\(ResultValue.list(files.map(ResultValue.text)).json)") }
        return "{" + fields.joined(separator: ",") + "}"
    }

    public static func == (lhs: ExampleResult, rhs: ExampleResult) -> Bool {
        lhs.files == rhs.files && lhs.entries.elementsEqual(rhs.entries) { $0.key == $1.key && $0.value == $1.value }
    }
}

/// One value of an ``ExampleResult``: a number, a count, a text, a yes/no, or a list of them.
public enum ResultValue: Sendable, Equatable {
    /// A measured figure (a loss, an accuracy, a weight).
    case number(Double)
    /// A count or an index.
    case integer(Int)
    /// A label or a name.
    case text(String)
    /// A yes/no outcome.
    case flag(Bool)
    /// Several values, such as one per epoch.
    indirect case list([ResultValue])

    /// A list of numbers.
    public static func numbers(_ values: some Sequence<some BinaryFloatingPoint>) -> ResultValue {
        .list(values.map { .number(Double($0)) })
    }

    /// A list of integers.
    public static func integers(_ values: some Sequence<Int>) -> ResultValue {
        .list(values.map { .integer($0) })
    }

    /// A list of texts.
    public static func texts(_ values: some Sequence<String>) -> ResultValue {
        .list(values.map { .text($0) })
    }

    /// The value as a number when it is one (an integer counts), else nil.
    public var number: Double? {
        switch self {
        case let .number(value): value
        case let .integer(value): Double(value)
        default: nil
        }
    }

    /// The value as a list of numbers when it is one, else nil.
    public var numbers: [Double]? {
        guard case let .list(values) = self else { return nil }
        let numbers = values.compactMap(\.number)
        return numbers.count == values.count ? numbers : nil
    }

    /// The value as a list of texts when it is one, else nil.
    public var texts: [String]? {
        guard case let .list(values) = self else { return nil }
        let texts = values.compactMap { value -> String? in
            if case let .text(text) = value { text } else { nil }
        }
        return texts.count == values.count ? texts : nil
    }

    /// The value as JSON text. A number that is exactly a `Float` (most results are) is written
    /// with the fewest digits that read back as that `Float`.
    public var json: String {
        switch self {
        case let .number(value) where !value.isFinite: "null"
        case let .number(value): Double(Float(value)) == value ? "\(Float(value))" : "\(value)"
        case let .integer(value): "\(value)"
        case let .flag(value): "\(value)"
        case let .list(values): "[" + values.map(\.json).joined(separator: ",") + "]"
        case let .text(value): Self.quoted(value)
        }
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
