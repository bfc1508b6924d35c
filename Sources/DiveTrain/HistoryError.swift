/// Why a `history.csv` could not be read; each message names the file and, for content errors,
/// the line (counting from 1, header included) and the column.
public enum HistoryError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The file could not be opened or is not UTF-8.
    case unreadable(file: String, reason: String)
    /// The file holds no lines at all, not even the header.
    case empty(file: String)
    /// The first line is not the expected header.
    case wrongHeader(file: String, line: Int, found: String)
    /// A row has more or fewer comma-separated fields than the header.
    case wrongFieldCount(file: String, line: Int, expected: Int, found: Int)
    /// The epoch field is not a whole number greater than the previous row's epoch (or than 0).
    case badEpoch(file: String, line: Int, found: String, previous: Int)
    /// A field other than the epoch is not a number.
    case notANumber(file: String, line: Int, column: String, found: String)

    /// A message saying where the problem is, what was expected and what was found.
    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            "\(file): cannot read the history (\(reason))"
        case let .empty(file):
            "\(file): the file is empty; expected the header \"\(History.csvHeader)\""
        case let .wrongHeader(file, line, found):
            "\(file):\(line): expected the header \"\(History.csvHeader)\", found \"\(found)\""
        case let .wrongFieldCount(file, line, expected, found):
            "\(file):\(line): expected \(expected) comma-separated fields, found \(found)"
        case let .badEpoch(file, line, found, previous):
            "\(file):\(line), column epoch: expected a whole number above \(previous), found \"\(found)\""
        case let .notANumber(file, line, column, found):
            "\(file):\(line), column \(column): expected a number, found \"\(found)\""
        }
    }
}
