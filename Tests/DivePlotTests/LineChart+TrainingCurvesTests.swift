import Testing
@testable import DivePlot

@Suite struct TrainingCurvesTests {
    func chart(_ values: [(loss: Double, trainAcc: Double, testAcc: Double)]) -> LineChart {
        LineChart.trainingCurves(epochs: Array(1...max(values.count, 1)).prefix(values.count).map { $0 },
                                 trainLoss: values.map(\.loss), trainAccuracy: values.map(\.trainAcc),
                                 testAccuracy: values.map(\.testAcc))
    }

    @Test func chartHasTheBooksThreeCurvesAndLimits() {
        let chart = chart([(0.6, 0.78, 0.8), (0.45, 0.83, 0.82), (0.42, 0.85, 0.84)])
        #expect(chart.series.map(\.label) == ["train loss", "train acc", "test acc"])
        #expect(chart.series.map(\.style) == [.solid, .dashed, .dashDot])
        #expect(chart.series[2].y == [0.8, 0.82, 0.84] && chart.series[0].x == [1, 2, 3])
        #expect(chart.xLabel == "epoch" && chart.xLimits == 1...3 && chart.yLimits == 0.3...0.9)
        #expect(chart.title == "Training curves")
    }

    @Test func epochsAreWholeNumbers() {
        let layout = chart([(0.6, 0.78, 0.8), (0.45, 0.83, 0.82)]).layout()
        #expect(layout.xTicks.map(\.label) == ["1", "2"])
    }

    @Test func limitsWidenToShowEveryValue() {
        #expect(chart([(2.31, 0.12, 0.15), (0.9, 0.6, 0.95)]).yLimits == 0.1...2.4)
    }

    @Test func divergedValuesDoNotStretchTheAxis() throws {
        let chart = chart([(1e308, 0.5, 0.5), (-1e308, 0.6, 0.6)])
        #expect(chart.yLimits == 0.3...0.9)
        _ = try DecodedPNG(chart.png())
    }

    @Test func oneEpochStillDraws() throws {
        let chart = chart([(0.5, 0.8, 0.8)])
        #expect(chart.xLimits == nil)
        let png = try DecodedPNG(chart.png())
        let point = chart.layout().position(x: 1, y: 0.5)
        #expect(png.pixel(Int(2 * point.x), Int(2 * point.y)) == Color.palette[0])
    }

    @Test func emptyHistoryGivesEmptyAxes() {
        let chart = chart([])
        #expect(chart.series.allSatisfy(\.y.isEmpty) && chart.yLimits == 0.3...0.9)
        #expect(!chart.scene().items.isEmpty)
    }
}
