import Testing
@testable import DivePlot

@Suite struct TrainingCurvesTests {
    func history(_ values: [(loss: Double, trainAcc: Double, testAcc: Double)]) -> HistoryFile {
        HistoryFile(rows: values.enumerated().map { index, value in
            HistoryFile.Row(epoch: index + 1, trainLoss: value.loss, trainAccuracy: value.trainAcc, testLoss: value.loss,
                            testAccuracy: value.testAcc, epochSeconds: 1)
        })
    }

    @Test func chartHasTheBooksThreeCurvesAndLimits() {
        let chart = LineChart.trainingCurves(history([(0.6, 0.78, 0.8), (0.45, 0.83, 0.82), (0.42, 0.85, 0.84)]))
        #expect(chart.series.map(\.label) == ["train loss", "train acc", "test acc"])
        #expect(chart.series.map(\.style) == [.solid, .dashed, .dashDot])
        #expect(chart.series[2].y == [0.8, 0.82, 0.84] && chart.series[0].x == [1, 2, 3])
        #expect(chart.xLabel == "epoch" && chart.xLimits == 1...3 && chart.yLimits == 0.3...0.9)
    }

    @Test func limitsWidenToShowEveryValue() {
        let chart = LineChart.trainingCurves(history([(2.31, 0.12, 0.15), (0.9, 0.6, 0.95)]))
        #expect(chart.yLimits == 0.1...2.4)
    }

    @Test func oneEpochStillDraws() throws {
        let chart = LineChart.trainingCurves(history([(0.5, 0.8, 0.8)]))
        #expect(chart.xLimits == nil)
        let png = try DecodedPNG(chart.png())
        let point = chart.layout().position(x: 1, y: 0.5)
        #expect(try png.pixel(Int(point.x), Int(point.y)) == Color.palette[0])
    }

    @Test func emptyHistoryGivesEmptyAxes() {
        let chart = LineChart.trainingCurves(HistoryFile(rows: []))
        #expect(chart.series.allSatisfy(\.y.isEmpty) && chart.yLimits == 0.3...0.9)
        #expect(!chart.scene().items.isEmpty)
    }
}
