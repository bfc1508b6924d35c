import Foundation

/// A seeded pseudo-random generator (xoshiro256**): the same seed gives the same numbers on
/// every run and every machine.
///
/// Every random operation in Dive takes one explicitly (`Tensor.randn(..., using: &generator)`)
/// or a seed, so results are reproducible. Its state is `Codable`, so training can resume with
/// the same sequence.
public struct RandomGenerator: RandomNumberGenerator, Codable, Equatable, Sendable {
    private var s0, s1, s2, s3: UInt64

    /// A generator whose sequence is determined by `seed`.
    public init(seed: UInt64) {
        // SplitMix64 spreads any seed (0 included) over the 256 bits of state.
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        (s0, s1, s2, s3) = (splitMix(), splitMix(), splitMix(), splitMix())
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform float in `[0, 1)` with 24 random bits.
    public mutating func nextUnitFloat() -> Float {
        Float(next() >> 40) * (1.0 / 16_777_216.0)
    }

    /// A uniform float in `range` (the upper bound excluded).
    public mutating func nextFloat(in range: ClosedRange<Float>) -> Float {
        range.lowerBound + (range.upperBound - range.lowerBound) * nextUnitFloat()
    }

    /// Two independent standard normal samples (Box–Muller).
    public mutating func nextNormalPair() -> (Float, Float) {
        // 1 - u lies in (0, 1], so the logarithm is finite.
        let u1 = 1 - Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
        let u2 = Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
        let radius = (-2 * Foundation.log(u1)).squareRoot()
        return (Float(radius * cos(2 * .pi * u2)), Float(radius * sin(2 * .pi * u2)))
    }
}
