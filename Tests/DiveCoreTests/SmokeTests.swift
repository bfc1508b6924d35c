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

@Test func graphIsFreedAfterBackwardUnlessRetained() async {
    let w = Tensor([1, 2]).requiringGrad()
    let y = (w * w).sum()
    y.backward(retainingGraph: true)
    y.backward()
    #expect(w.grad?.scalars == [4, 8])
    await #expect(processExitsWith: .failure) {
        let w = Tensor([1, 2]).requiringGrad()
        let y = (w * w).sum()
        y.backward()
        y.backward()
    }
}

@Test func linearMatchesComposite() {
    let x = Tensor.uniform([5, 4], in: -1...1, seed: 1)
    let w = Tensor.uniform([3, 4], in: -1...1, seed: 2)
    let b = Tensor.uniform([3], in: -1...1, seed: 3)
    let fused = x.linear(weight: w, bias: b).scalars
    let composite = (x.matmul(w.T) + b).scalars
    for (f, c) in zip(fused, composite) { #expect(abs(f - c) < 1e-5) }
    let check = checkGradient(of: { $0[0].linear(weight: $0[1], bias: $0[2]).tanh().sum() }, at: [x, w, b])
    #expect(check.maxError < 1e-2, "\(check)")
    #expect(x.reshaped([5, 1, 4]).linear(weight: w, bias: nil).shape == [5, 1, 3])
}
