import Foundation
import Testing
@testable import DiveTrain

@Suite struct HistoryCSVTests {
    let header = "epoch,train_loss,train_acc,test_loss,test_acc,epoch_seconds"

    @Test func parsesRowsWithWindowsLineEndingsAndBlankLines() throws {
        let text = header + "\r\n1,0.78,0.74,0.62,0.79,1.5\r\n\r\n2,0.57,0.81,0.55,0.81,1.25\r\n"
        let history = try History(csv: text)
        #expect(history.epochs == [
            EpochRecord(epoch: 1, trainLoss: 0.78, trainAccuracy: 0.74, testLoss: 0.62, testAccuracy: 0.79, seconds: 1.5),
            EpochRecord(epoch: 2, trainLoss: 0.57, trainAccuracy: 0.81, testLoss: 0.55, testAccuracy: 0.81, seconds: 1.25),
        ])
    }

    @Test func headerOnlyIsAnEmptyHistory() throws {
        #expect(try History(csv: header + "\n").epochs.isEmpty)
    }

    @Test func emptyFileIsAnError() {
        #expect(throws: HistoryError.empty(file: "h.csv")) { try History(csv: "\n", file: "h.csv") }
    }

    @Test func wrongHeaderNamesWhatWasFound() {
        #expect(throws: HistoryError.wrongHeader(file: "h.csv", line: 1, found: "epoch,loss")) {
            try History(csv: "epoch,loss\n1,0.5\n", file: "h.csv")
        }
    }

    @Test func wrongFieldCountNamesTheLine() {
        #expect(throws: HistoryError.wrongFieldCount(file: "h.csv", line: 3, expected: 6, found: 5)) {
            try History(csv: header + "\n1,0.7,0.7,0.6,0.7,1\n2,0.6,0.8,0.5,0.8\n", file: "h.csv")
        }
    }

    @Test func fieldThatIsNotANumberNamesLineAndColumn() throws {
        let error = #expect(throws: HistoryError.self) {
            try History(csv: header + "\n1,0.7,abc,0.6,0.7,1\n", file: "runs/a/history.csv")
        }
        #expect(error == .notANumber(file: "runs/a/history.csv", line: 2, column: "train_acc", found: "abc"))
        #expect(error?.description == "runs/a/history.csv:2, column train_acc: expected a number, found \"abc\"")
    }

    @Test func emptyTestFieldsMeanNoTestSetButOtherFieldsAreRequired() throws {
        #expect(try History(csv: header + "\n1,0.7,0.7,,,1\n").epochs.first?.testLoss == nil)
        #expect(throws: HistoryError.notANumber(file: "h.csv", line: 2, column: "train_acc", found: "")) {
            try History(csv: header + "\n1,0.7,,0.6,0.7,1\n", file: "h.csv")
        }
    }

    @Test(arguments: ["1.5", "0", "x"])
    func epochMustBeAWholeNumberFromOne(epoch: String) {
        #expect(throws: HistoryError.badEpoch(file: "h.csv", line: 2, found: epoch, previous: 0)) {
            try History(csv: header + "\n\(epoch),0.7,0.7,0.6,0.7,1\n", file: "h.csv")
        }
    }

    @Test func epochsMustIncrease() {
        #expect(throws: HistoryError.badEpoch(file: "h.csv", line: 3, found: "1", previous: 1)) {
            try History(csv: header + "\n1,0.7,0.7,0.6,0.7,1\n1,0.6,0.8,0.5,0.8,1\n", file: "h.csv")
        }
    }

    @Test func missingFileNamesThePath() {
        let path = "/nonexistent-dive-folder/history.csv"
        let error = #expect(throws: HistoryError.self) { try History(contentsOf: path) }
        #expect(error?.description.hasPrefix(path + ": cannot read the history") == true)
    }

    @Test func readsAFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dive-history-\(UUID()).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try (header + "\n1,0.5,0.8,0.6,0.7,2\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try History(contentsOf: path).epochs.map(\.testAccuracy) == [0.7])
    }

    @Test func readsBackWhatItWrites() throws {
        let history = History(epochs: [
            EpochRecord(epoch: 1, trainLoss: 0.5, trainAccuracy: 0.8, testLoss: 0.55, testAccuracy: 0.79, seconds: 2.25),
            EpochRecord(epoch: 2, trainLoss: 1e308, trainAccuracy: 0.85, seconds: 2),
        ])
        #expect(try History(csv: history.csv()) == history)
    }
}
