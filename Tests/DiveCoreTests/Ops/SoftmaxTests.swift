import Foundation
import Testing
import DiveCore

@Suite struct SoftmaxTests {
    let logits = Tensor([1, 2, 3, -1, 0, 4], shape: [2, 3])

    @Test func softmaxMatchesTheDefinitionAndSumsToOne() {
        let p = logits.softmax(alongAxis: 1)
        let row: [Float] = [1, 2, 3]
        let total = row.map { Foundation.exp($0) }.reduce(0, +)
        for (got, want) in zip(p.scalars.prefix(3), row.map { Foundation.exp($0) / total }) {
            #expect(abs(got - want) < 1e-6)
        }
        for sum in p.sum(alongAxis: 1).scalars { #expect(abs(sum - 1) < 1e-6) }
    }

    @Test func logSoftmaxIsTheLogOfSoftmax() {
        let direct = logits.logSoftmax(alongAxis: -1).scalars
        let viaLog = logits.softmax(alongAxis: -1).log().scalars
        for (a, b) in zip(direct, viaLog) { #expect(abs(a - b) < 1e-5) }
    }

    @Test func worksAlongTheFirstAxis() {
        let p = logits.softmax(alongAxis: 0)
        #expect(p.shape == [2, 3])
        for sum in p.sum(alongAxis: 0).scalars { #expect(abs(sum - 1) < 1e-6) }
    }

    @Test func largeLogitsStayFinite() {
        let big = Tensor([1000, 0, -1000, 1000, 1000, 999], shape: [2, 3])
        let p = big.softmax(alongAxis: 1).scalars
        let logP = big.logSoftmax(alongAxis: 1).scalars
        #expect(p.allSatisfy { $0.isFinite })
        #expect(logP.allSatisfy { $0.isFinite })
        #expect(abs(p[0] - 1) < 1e-6 && p[1] == 0)
        #expect(abs(logP[1] + 1000) < 1e-3)
        #expect(abs(p[3] - 1 / (2 + Foundation.exp(-1))) < 1e-6)
    }

    @Test func gradientsMatchFiniteDifferences() {
        let weights = Tensor([0.3, -1, 2, 0.5, 1, -0.7], shape: [2, 3])
        for axis in [0, 1] {
            let soft = checkGradient(of: { ($0.softmax(alongAxis: axis) * weights).sum() }, at: logits * 0.5)
            #expect(soft.maxError < 1e-2, "\(soft)")
            let logSoft = checkGradient(of: { ($0.logSoftmax(alongAxis: axis) * weights).sum() }, at: logits * 0.5)
            #expect(logSoft.maxError < 1e-2, "\(logSoft)")
        }
    }
}
