import Foundation

extension History {
    /// Reads the `history.csv` at `path`, as `csv()` writes it.
    ///
    /// - Throws: `HistoryError.unreadable` when the file cannot be read, or any parse error of
    ///   `init(csv:file:)`, naming `path`.
    public init(contentsOf path: String) throws(HistoryError) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw HistoryError.unreadable(file: path, reason: error.localizedDescription)
        }
        try self.init(csv: text, file: path)
    }

    /// Parses the text of a history file (the inverse of `csv()`); `file` names it in error messages.
    ///
    /// Blank lines and a final newline are ignored; numbers use a dot as decimal separator; `nan`
    /// and `inf` are accepted; empty test fields mean "no test set" (nil).
    ///
    /// - Throws: `HistoryError` naming the file, the line (counting from 1, header included) and
    ///   the column, for a missing or different header, a row with the wrong number of fields, a
    ///   field that is not a number, or an epoch that is not a whole number above the previous one.
    public init(csv text: String, file: String = "history.csv") throws(HistoryError) {
        // Splitting on Characters that are newlines also splits at "\r\n", which is one Character.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .enumerated().map { (number: $0.offset + 1, text: String($0.element)) }
            .filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
        guard let headerLine = lines.first else { throw HistoryError.empty(file: file) }
        guard headerLine.text == Self.csvHeader else {
            throw HistoryError.wrongHeader(file: file, line: headerLine.number, found: headerLine.text)
        }
        var epochs: [EpochRecord] = []
        for line in lines.dropFirst() {
            let fields = line.text.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == Self.csvColumns.count else {
                throw HistoryError.wrongFieldCount(file: file, line: line.number, expected: Self.csvColumns.count,
                                                   found: fields.count)
            }
            let previous = epochs.last?.epoch ?? 0
            guard let epoch = Int(fields[0]), epoch > previous else {
                throw HistoryError.badEpoch(file: file, line: line.number, found: fields[0], previous: previous)
            }
            func number(_ column: Int, optional: Bool = false) throws(HistoryError) -> Double? {
                if optional, fields[column].isEmpty { return nil }
                guard let value = Double(fields[column]) else {
                    throw HistoryError.notANumber(file: file, line: line.number, column: Self.csvColumns[column],
                                                  found: fields[column])
                }
                return value
            }
            epochs.append(EpochRecord(epoch: epoch, trainLoss: try number(1)!, trainAccuracy: try number(2)!,
                                      testLoss: try number(3, optional: true),
                                      testAccuracy: try number(4, optional: true), seconds: try number(5)!))
        }
        self.init(epochs: epochs)
    }

    /// The CSV column names, in file order.
    public static let csvColumns = csvHeader.split(separator: ",").map(String.init)
}
