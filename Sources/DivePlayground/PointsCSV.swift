import Foundation

/// A CSV upload the playground refuses, naming the line when one row is at fault.
public struct PointsCSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, as the page shows it.
    public var description: String
}

/// The playground's points as CSV, both ways: a header `x1,x2,label` (optional when reading),
/// then one point per line.
public enum PointsCSV {
    /// The largest upload accepted, in bytes.
    public static let maximumBytes = 1_000_000
    /// The most points an upload may hold.
    public static let maximumPoints = 10_000

    /// The points of `text`: coordinates within [-6, 6] and, for classification, labels -1 or +1
    /// (0 is read as -1), for regression labels within [-1, 1].
    ///
    /// - Throws: ``PointsCSVError`` for a file over 1 MB or 10,000 points, with fewer than 2
    ///   points, or with a malformed row (named by its line number).
    public static func read(_ text: String, problem: PlaygroundSettings.Problem) throws(PointsCSVError) -> [DataPoint] {
        guard text.utf8.count <= maximumBytes else {
            throw PointsCSVError(description: "CSV: the file is \(text.utf8.count) bytes, at most \(maximumBytes) are accepted")
        }
        var points: [DataPoint] = []
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let row = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if row.isEmpty || (index == 0 && row.lowercased().hasPrefix("x1")) { continue }
            guard points.count < maximumPoints else {
                throw PointsCSVError(description: "CSV: more than \(maximumPoints) points (line \(index + 1))")
            }
            points.append(try point(row, line: index + 1, problem: problem))
        }
        guard points.count >= 2 else {
            throw PointsCSVError(description: "CSV: needs at least 2 rows of x1,x2,label, found \(points.count)")
        }
        return points
    }

    private static func point(_ row: String, line: Int, problem: PlaygroundSettings.Problem) throws(PointsCSVError) -> DataPoint {
        let fields = row.split(separator: ",", omittingEmptySubsequences: false)
            .map { Float($0.trimmingCharacters(in: .whitespaces)) }
        guard fields.count == 3, let x = fields[0], let y = fields[1], let label = fields[2],
              x.isFinite, y.isFinite, label.isFinite else {
            throw PointsCSVError(description: "CSV line \(line): expected three numbers x1,x2,label, found \"\(row.prefix(60))\"")
        }
        guard abs(x) <= 6, abs(y) <= 6 else {
            throw PointsCSVError(description: "CSV line \(line): x1 and x2 must be within -6 to 6, found \(x), \(y)")
        }
        switch problem {
        case .classification:
            guard label == 1 || label == -1 || label == 0 else {
                throw PointsCSVError(description: "CSV line \(line): label must be -1 (or 0) or 1 for classification, found \(label)")
            }
            return DataPoint(x: x, y: y, label: label == 1 ? 1 : -1)
        case .regression:
            guard abs(label) <= 1 else {
                throw PointsCSVError(description: "CSV line \(line): label must be within -1 to 1 for regression, found \(label)")
            }
            return DataPoint(x: x, y: y, label: label)
        }
    }

    /// The points as CSV with a `x1,x2,label,split` header, training points first.
    public static func write(train: [DataPoint], test: [DataPoint]) -> String {
        var lines = ["x1,x2,label,split"]
        lines += train.map { "\($0.x),\($0.y),\($0.label),train" }
        lines += test.map { "\($0.x),\($0.y),\($0.label),test" }
        return lines.joined(separator: "\n") + "\n"
    }
}
