@testable import DivePlayground
import Testing

/// CSV upload: good files load, bad ones are refused with the line at fault, and the limits hold.
@Suite struct PointsCSVTests {
    @Test func readsWithOrWithoutHeaderAndMapsZeroToMinusOne() throws {
        let points = try PointsCSV.read("x1,x2,label\n1,2,1\n-3.5,0.25,0\n\n4,-6,-1\n", problem: .classification)
        #expect(points == [DataPoint(x: 1, y: 2, label: 1), DataPoint(x: -3.5, y: 0.25, label: -1),
                           DataPoint(x: 4, y: -6, label: -1)])
        #expect(try PointsCSV.read("1,2,1\r\n3,4,-1\r\n", problem: .classification).count == 2)
    }

    @Test(arguments: [
        ("x1,x2,label\n1,2,1\n3,four,1\n", "CSV line 3: expected three numbers x1,x2,label, found \"3,four,1\""),
        ("1,2,1\n3,4\n", "CSV line 2: expected three numbers x1,x2,label, found \"3,4\""),
        ("1,2,1\n7,0,1\n", "CSV line 2: x1 and x2 must be within -6 to 6, found 7.0, 0.0"),
        ("1,2,1\n1,1,2\n", "CSV line 2: label must be -1 (or 0) or 1 for classification, found 2.0"),
        ("1,2,nan\n1,1,1\n", "CSV line 1: expected three numbers x1,x2,label, found \"1,2,nan\""),
        ("1,2,1\n", "CSV: needs at least 2 rows of x1,x2,label, found 1"),
    ])
    func badFileNamesTheLine(text: String, message: String) {
        #expect(throws: PointsCSVError(description: message)) { try PointsCSV.read(text, problem: .classification) }
    }

    @Test func regressionLabelsMustBeWithinOne() throws {
        #expect(try PointsCSV.read("0,0,0.5\n1,1,-1\n", problem: .regression).map(\.label) == [0.5, -1])
        #expect(throws: PointsCSVError.self) { try PointsCSV.read("0,0,1.5\n1,1,0\n", problem: .regression) }
    }

    @Test func limitsOnBytesAndPoints() {
        let tooMany = String(repeating: "1,1,1\n", count: 10_001)
        #expect(throws: PointsCSVError(description: "CSV: more than 10000 points (line 10001)")) {
            try PointsCSV.read(tooMany, problem: .classification)
        }
        let tooBig = String(repeating: "1.000000000,1.000000000,1\n", count: 40_000)
        #expect(throws: PointsCSVError(description: "CSV: the file is 1040000 bytes, at most 1000000 are accepted")) {
            try PointsCSV.read(tooBig, problem: .classification)
        }
    }

    @Test func writtenCSVReadsBack() throws {
        let train = [DataPoint(x: 1.5, y: -2, label: 1)]
        let test = [DataPoint(x: 0, y: 3, label: -1)]
        let text = PointsCSV.write(train: train, test: test)
        #expect(text == "x1,x2,label,split\n1.5,-2.0,1.0,train\n0.0,3.0,-1.0,test\n")
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").prefix(3).joined(separator: ",") }
        #expect(try PointsCSV.read(rows.joined(separator: "\n"), problem: .classification) == train + test)
    }
}
