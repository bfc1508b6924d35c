import Testing
@testable import DivePlot

@Suite struct LineChartLegendTests {
    let x: [Float] = Array(stride(from: Float(-8), through: 8, by: 0.5))

    /// The legend's outer box, found by its border colour.
    func legendBox(_ chart: LineChart) -> Rect? {
        chart.scene().items.lazy.compactMap { item -> Rect? in
            if case let .rectangle(rect, _, stroke, _) = item, stroke == Color(hex: 0xCCCCCC) { return rect } else { return nil }
        }.first
    }

    @Test func legendGoesUpperRightWhenThatCornerIsFree() throws {
        let chart = LineChart(x: x, series: [Series(x.map { -$0 }, label: "falling")])
        let box = try #require(legendBox(chart))
        let plot = chart.layout().plotArea
        #expect(box.maxX > plot.x + plot.width / 2 && box.maxY < plot.y + plot.height / 2)
    }

    @Test func legendAvoidsTheCurve() throws {
        let chart = LineChart(x: x, series: [Series(x, label: "rising")])
        let box = try #require(legendBox(chart))
        let plot = chart.layout().plotArea
        #expect(box.x < plot.x + plot.width / 2 && box.maxY < plot.y + plot.height / 2)
    }

    @Test func legendHasASampleAndLabelPerLabelledSeries() {
        let chart = LineChart(x: x, series: [Series(x, label: "a"), Series(x), Series(x, label: "c", style: .dashed)])
        let texts = chart.scene().items.compactMap { item -> String? in
            if case let .text(text, _, _, _, _, _) = item { return text } else { return nil }
        }
        #expect(texts.contains("a") && texts.contains("c"))
        let samples = chart.scene().items.filter { item in
            if case let .line(_, _, width, _, clip) = item { return clip == nil && width == 2 } else { return false }
        }
        #expect(samples.count == 2)
    }

    @Test func noLabelsMeansNoLegend() {
        #expect(legendBox(LineChart(x: x, series: [Series(x)])) == nil)
    }
}
