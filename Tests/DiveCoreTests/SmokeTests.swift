import Testing
@testable import DiveCore

@Test func basics() {
    let a = Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3])
    let b = Tensor([10, 20, 30])
    #expect((a + b).scalars == [11, 22, 33, 14, 25, 36])
    let w = Tensor([1, 0, 0, 1, 1, 1], shape: [3, 2])
    #expect(a.matmul(w).scalars == [4, 5, 10, 11])
    #expect(a.T.matmul(a).shape == [3, 3])
    let check = checkGradient(of: { ($0.matmul(w) * $0.sum(alongAxis: 1, keepingDimension: true)).tanh().sum() }, at: a * 0.1)
    #expect(check.maxError < 1e-2, "\(check)")
    var chain = Tensor([1.0]).requiringGrad()
    let leaf = chain
    for _ in 0..<100_000 { chain = chain * 1.0 }
    chain.sum().backward()
    #expect(leaf.grad?.scalars == [1])
    print(a)
}
