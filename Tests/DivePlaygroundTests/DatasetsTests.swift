@testable import DivePlayground
import DiveCore
import Testing

/// The data sets follow the TensorFlow Playground's definitions, seeded.
@Suite struct DatasetsTests {
    static func points(_ kind: DatasetKind, noise: Float = 0, seed: UInt64 = 3) -> [DataPoint] {
        var generator = RandomGenerator(seed: seed)
        return kind.points(noise: noise, using: &generator)
    }

    @Test(arguments: DatasetKind.allCases)
    func sizesAndRanges(_ kind: DatasetKind) {
        let points = Self.points(kind, noise: 0.5)
        #expect(points.count == (DatasetKind.regression.contains(kind) ? 1200 : 500))
        // Classes are ±1; regression labels follow the TensorFlow Playground's linear scale, which
        // noise can carry past 1 (reg-plane: (6 + 3 + 6 + 3) / 10 at noise 0.5).
        let bound: Float = DatasetKind.regression.contains(kind) ? 1.8 : 1
        #expect(points.allSatisfy { abs($0.label) <= bound })
        #expect(points == Self.points(kind, noise: 0.5))                     // same seed, same points
        #expect(points != Self.points(kind, noise: 0.5, seed: 4))
    }

    @Test func circleIsInsideRadius2Point5() {
        for point in Self.points(.circle) {
            let radius = (point.x * point.x + point.y * point.y).squareRoot()
            #expect(point.label == (radius < 2.5 ? 1 : -1))
            #expect(radius <= 5)
        }
    }

    @Test func xorLabelIsTheSignOfTheProduct() {
        for point in Self.points(.xor) {
            #expect(point.label == (point.x * point.y >= 0 ? 1 : -1))
            #expect(abs(point.x) >= 0.3 && abs(point.y) >= 0.3)
        }
    }

    @Test func gaussCloudsSitAtPlusAndMinusTwo() {
        let points = Self.points(.gauss)
        let positives = points.filter { $0.label == 1 }
        #expect(positives.count == 250)
        let meanX = positives.map(\.x).reduce(0, +) / 250
        #expect(abs(meanX - 2) < 0.2)
    }

    @Test func spiralArmsAreHalfATurnApart() {
        let points = Self.points(.spiral)
        // Point i of each arm has radius 5·i/250 and the arms are opposite: (x, y) and (-x, -y).
        for i in [10, 100, 200] {
            #expect(abs(points[i].x + points[250 + i].x) < 1e-4 && abs(points[i].y + points[250 + i].y) < 1e-4)
            let radius = (points[i].x * points[i].x + points[i].y * points[i].y).squareRoot()
            #expect(abs(radius - 5 * Float(i) / 250) < 1e-4)
        }
    }

    @Test func regressionPlaneIsTheScaledSum() {
        for point in Self.points(.regPlane) { #expect(abs(point.label - (point.x + point.y) / 10) < 1e-5) }
    }

    @Test func regressionGaussPeaksAtTheBumps() {
        var generator = RandomGenerator(seed: 0)
        let points = DatasetKind.regGauss.points(noise: 0, using: &generator)
        #expect(points.allSatisfy { abs($0.label) <= 1 })
        #expect(points.contains { $0.label > 0.5 } && points.contains { $0.label < -0.5 })
    }

    @Test func splitFollowsTheTrainingShare() throws {
        let settings = try PlaygroundSettings(hash: "percTrainData=70&dataset=xor")
        let (train, test) = settings.generateData()
        #expect(train.count == 350 && test.count == 150)
        #expect(settings.generateData().train == train)
    }
}
