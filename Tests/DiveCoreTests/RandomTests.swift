import Foundation
import Testing
import DiveCore

@Suite struct RandomTests {
    @Test func sameSeedSameSequence() {
        var a = RandomGenerator(seed: 42), b = RandomGenerator(seed: 42)
        let first = (0..<100).map { _ in a.next() }
        #expect(first == (0..<100).map { _ in b.next() })
        var c = RandomGenerator(seed: 43)
        #expect(first != (0..<100).map { _ in c.next() })
    }

    @Test func seedZeroIsUsable() {
        var generator = RandomGenerator(seed: 0)
        let values = (0..<8).map { _ in generator.next() }
        #expect(Set(values).count == 8)
    }

    @Test func unitFloatsStayInRange() {
        var generator = RandomGenerator(seed: 1)
        let values = (0..<10_000).map { _ in generator.nextUnitFloat() }
        #expect(values.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(Swift.abs(values.reduce(0, +) / 10_000 - 0.5) < 0.02)
        let ranged = (0..<10_000).map { _ in generator.nextFloat(in: -3...5) }
        #expect(ranged.allSatisfy { $0 >= -3 && $0 < 5 })
        #expect(ranged.min()! < -2.9 && ranged.max()! > 4.9)
    }

    @Test func normalPairsAreFinite() {
        var generator = RandomGenerator(seed: 2)
        for _ in 0..<10_000 {
            let (a, b) = generator.nextNormalPair()
            #expect(a.isFinite && b.isFinite)
        }
    }

    @Test func codableRoundTripContinuesTheSequence() throws {
        var generator = RandomGenerator(seed: 7)
        for _ in 0..<13 { _ = generator.next() }
        let data = try JSONEncoder().encode(generator)
        var restored = try JSONDecoder().decode(RandomGenerator.self, from: data)
        #expect(restored == generator)
        #expect((0..<50).map { _ in restored.next() } == (0..<50).map { _ in generator.next() })
    }

    @Test func worksWithTheStandardLibrary() {
        var a = RandomGenerator(seed: 3), b = RandomGenerator(seed: 3)
        #expect(Array(0..<20).shuffled(using: &a) == Array(0..<20).shuffled(using: &b))
        #expect(Int.random(in: 0..<1000, using: &a) == Int.random(in: 0..<1000, using: &b))
    }
}
