import Foundation

/// The per-epoch numbers of a training run, as read back from its `history.csv`.
///
/// The file has the header `epoch,train_loss,train_acc,test_loss,test_acc,epoch_seconds` and one row
/// per epoch, epochs counting from 1 upwards. Blank lines and a final newline are ignored; numbers
/// use a dot as decimal separator (`nan` is accepted and left out of charts).
public struct HistoryFile: Hashable, Sendable {
    /// One epoch's numbers.
    public struct Row: Hashable, Sendable {
        /// The epoch, counting from 1.
        public var epoch: Int
        /// Mean training loss over the epoch.
        public var trainLoss: Double
        /// Training accuracy over the epoch, in `[0, 1]`.
        public var trainAccuracy: Double
        /// Loss on the test set after the epoch.
        public var testLoss: Double
        /// Accuracy on the test set after the epoch, in `[0, 1]`.
        public var testAccuracy: Double
        /// Wall-clock duration of the epoch.
        public var epochSeconds: Double

        /// A row from its six values.
        public init(epoch: Int, trainLoss: Double, trainAccuracy: Double, testLoss: Double,
                    testAccuracy: Double, epochSeconds: Double) {
            self.epoch = epoch
            self.trainLoss = trainLoss
            self.trainAccuracy = trainAccuracy
            self.testLoss = testLoss
            self.testAccuracy = testAccuracy
            self.epochSeconds = epochSeconds
        }
    }

    /// The header line, exactly.
    public static let header = "epoch,train_loss,train_acc,test_loss,test_acc,epoch_seconds"
    /// The column names, in file order.
    public static let columns = header.split(separator: ",").map(String.init)

    /// The epochs, in file order (increasing).
    public var rows: [Row]

    /// A history from rows already in memory.
    public init(rows: [Row]) {
        self.rows = rows
    }

    /// Reads and parses the file at `path`.
    ///
    /// - Throws: `HistoryError.unreadable` when the file cannot be read, or any parse error
    ///   of `init(parsing:file:)`, naming `path`.
    public init(contentsOf path: String) throws(HistoryError) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw HistoryError.unreadable(file: path, reason: error.localizedDescription)
        }
        try self.init(parsing: text, file: path)
    }

    /// Parses the text of a history file; `file` names it in error messages.
    ///
    /// - Throws: `HistoryError` naming the file, the line (counting from 1, header included) and
    ///   the column, for a missing or different header, a row with the wrong number of fields, a
    ///   field that is not a number, or an epoch that is not a whole number above the previous one.
    public init(parsing text: String, file: String = "history.csv") throws(HistoryError) {
        // Splitting on Characters that are newlines also splits at "\r\n", which is one Character.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .enumerated().map { (number: $0.offset + 1, text: String($0.element)) }
            .filter { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }
        guard let headerLine = lines.first else { throw HistoryError.empty(file: file) }
        guard headerLine.text == Self.header else {
            throw HistoryError.wrongHeader(file: file, line: headerLine.number, found: headerLine.text)
        }
        var rows: [Row] = []
        for line in lines.dropFirst() {
            let fields = line.text.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == Self.columns.count else {
                throw HistoryError.wrongFieldCount(file: file, line: line.number, expected: Self.columns.count, found: fields.count)
            }
            guard let epoch = Int(fields[0]), epoch > (rows.last?.epoch ?? 0) else {
                throw HistoryError.badEpoch(file: file, line: line.number, found: fields[0], previous: rows.last?.epoch ?? 0)
            }
            var values: [Double] = []
            for column in 1..<fields.count {
                guard let value = Double(fields[column]) else {
                    throw HistoryError.notANumber(file: file, line: line.number, column: Self.columns[column], found: fields[column])
                }
                values.append(value)
            }
            rows.append(Row(epoch: epoch, trainLoss: values[0], trainAccuracy: values[1], testLoss: values[2],
                            testAccuracy: values[3], epochSeconds: values[4]))
        }
        self.rows = rows
    }

    /// The history as a report table: the file's column names and its numbers, accuracies and
    /// losses with four decimals, seconds with two.
    public var table: ReportTable {
        ReportTable(columns: Self.columns, rows: rows.map { row in
            [String(row.epoch)]
                + [row.trainLoss, row.trainAccuracy, row.testLoss, row.testAccuracy].map { String(format: "%.4f", $0) }
                + [String(format: "%.2f", row.epochSeconds)]
        })
    }
}
