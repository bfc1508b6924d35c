import DiveCore
import Foundation

/// A point of the playground's data: coordinates in [-6, 6]² and a label (-1 or +1 for
/// classification, a value in [-1, 1] for regression).
public struct DataPoint: Equatable, Sendable {
    /// The first coordinate, x₁.
    public var x: Float
    /// The second coordinate, x₂.
    public var y: Float
    /// The label.
    public var label: Float

    /// A point at `(x, y)` with `label`.
    public init(x: Float, y: Float, label: Float) {
        self.x = x
        self.y = y
        self.label = label
    }
}

/// The TensorFlow Playground's data sets, with its names and its definitions (its
/// `src/dataset.ts`): 500 points for classification, 1200 for regression.
public enum DatasetKind: String, CaseIterable, Sendable {
    case circle, xor, gauss, spiral
    case regPlane = "reg-plane"
    case regGauss = "reg-gauss"

    /// The classification data sets.
    public static let classification: [DatasetKind] = [.circle, .xor, .gauss, .spiral]
    /// The regression data sets.
    public static let regression: [DatasetKind] = [.regPlane, .regGauss]

    /// The number of points the TensorFlow Playground draws.
    public var sampleCount: Int { DatasetKind.regression.contains(self) ? 1200 : 500 }

    /// The data set's points, drawn from `generator`, with `noise` in [0, 0.5] (the hash's
    /// noise divided by 100).
    public func points(noise: Float, using generator: inout RandomGenerator) -> [DataPoint] {
        let n = sampleCount
        switch self {
        case .circle: return Self.circle(n, noise: noise, using: &generator)
        case .xor: return Self.xor(n, noise: noise, using: &generator)
        case .gauss: return Self.gauss(n, noise: noise, using: &generator)
        case .spiral: return Self.spiral(n, noise: noise, using: &generator)
        case .regPlane: return Self.regression(n, noise: noise, using: &generator) { x, y in (x + y) / 10 }
        case .regGauss: return Self.regression(n, noise: noise, using: &generator, label: Self.gaussBumps)
        }
    }

    /// Inside a disc of radius 2.5 is +1, a ring from 3.5 to 5 is -1; noise moves the point
    /// used for the label.
    private static func circle(_ n: Int, noise: Float, using g: inout RandomGenerator) -> [DataPoint] {
        let radius: Float = 5
        func point(_ radii: ClosedRange<Float>) -> DataPoint {
            let r = g.nextFloat(in: radii)
            let angle = g.nextFloat(in: 0...(2 * .pi))
            let (x, y) = (r * sin(angle), r * cos(angle))
            let noiseX = g.nextFloat(in: -radius...radius) * noise
            let noiseY = g.nextFloat(in: -radius...radius) * noise
            let inside = ((x + noiseX) * (x + noiseX) + (y + noiseY) * (y + noiseY)).squareRoot() < radius * 0.5
            return DataPoint(x: x, y: y, label: inside ? 1 : -1)
        }
        return (0..<n / 2).map { _ in point(0...(radius * 0.5)) } + (0..<n / 2).map { _ in point((radius * 0.7)...radius) }
    }

    /// The four quadrants, +1 where x₁x₂ ≥ 0, with a gap of 0.3 around the axes.
    private static func xor(_ n: Int, noise: Float, using g: inout RandomGenerator) -> [DataPoint] {
        (0..<n).map { _ in
            var x = g.nextFloat(in: -5...5)
            x += x > 0 ? 0.3 : -0.3
            var y = g.nextFloat(in: -5...5)
            y += y > 0 ? 0.3 : -0.3
            let noiseX = g.nextFloat(in: -5...5) * noise
            let noiseY = g.nextFloat(in: -5...5) * noise
            return DataPoint(x: x, y: y, label: (x + noiseX) * (y + noiseY) >= 0 ? 1 : -1)
        }
    }

    /// Two Gaussian clouds at (2, 2) (+1) and (-2, -2) (-1), variance 0.5 to 4 with the noise.
    private static func gauss(_ n: Int, noise: Float, using g: inout RandomGenerator) -> [DataPoint] {
        let std = (0.5 + noise / 0.5 * 3.5).squareRoot()
        func cloud(_ center: Float, _ label: Float) -> [DataPoint] {
            (0..<n / 2).map { _ in
                let x = center + std * g.nextNormalPair().0
                let y = center + std * g.nextNormalPair().0
                return DataPoint(x: x, y: y, label: label)
            }
        }
        return cloud(2, 1) + cloud(-2, -1)
    }

    /// Two interleaved spirals of 1.75 turns out to radius 5.
    private static func spiral(_ n: Int, noise: Float, using g: inout RandomGenerator) -> [DataPoint] {
        let half = n / 2
        func arm(_ deltaT: Float, _ label: Float) -> [DataPoint] {
            (0..<half).map { i in
                let r = Float(i) / Float(half) * 5
                let t = 1.75 * Float(i) / Float(half) * 2 * .pi + deltaT
                let x = r * sin(t) + g.nextFloat(in: -1...1) * noise
                let y = r * cos(t) + g.nextFloat(in: -1...1) * noise
                return DataPoint(x: x, y: y, label: label)
            }
        }
        return arm(0, 1) + arm(.pi, -1)
    }

    /// Uniform points in [-6, 6]² labelled by `label` at a noisy copy of the point.
    private static func regression(_ n: Int, noise: Float, using g: inout RandomGenerator,
                                   label: (Float, Float) -> Float) -> [DataPoint] {
        (0..<n).map { _ in
            let x = g.nextFloat(in: -6...6)
            let y = g.nextFloat(in: -6...6)
            let noiseX = g.nextFloat(in: -6...6) * noise
            let noiseY = g.nextFloat(in: -6...6) * noise
            return DataPoint(x: x, y: y, label: label(x + noiseX, y + noiseY))
        }
    }

    /// Six signed bumps; the label is the one largest in magnitude, `1 - distance/2` clamped to 0.
    private static func gaussBumps(_ x: Float, _ y: Float) -> Float {
        let bumps: [(Float, Float, Float)] = [(-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1),
                                              (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1)]
        var label: Float = 0
        for (cx, cy, sign) in bumps {
            let distance = ((x - cx) * (x - cx) + (y - cy) * (y - cy)).squareRoot()
            let value = sign * min(max(1 - distance / 2, 0), 1)
            if abs(value) > abs(label) { label = value }
        }
        return label
    }
}

extension PlaygroundSettings {
    /// A generator made from the text seed (FNV-1a of its bytes), so the same seed gives the
    /// same data and weights.
    public func generator(salt: UInt64 = 0) -> RandomGenerator {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in seed.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return RandomGenerator(seed: hash ^ salt)
    }

    /// The data set's points, shuffled, split into training and test by `percTrainData`.
    public func generateData() -> (train: [DataPoint], test: [DataPoint]) {
        var g = generator()
        var points = activeDataset.points(noise: Float(noise) / 100, using: &g)
        points.shuffle(using: &g)
        return split(points)
    }

    /// `points` split into training (the first `percTrainData` percent) and test.
    public func split(_ points: [DataPoint]) -> (train: [DataPoint], test: [DataPoint]) {
        let trainCount = points.count * percTrainData / 100
        return (Array(points[..<trainCount]), Array(points[trainCount...]))
    }
}
