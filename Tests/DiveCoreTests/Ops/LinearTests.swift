import Testing
@testable import DiveCore

@Test func linearMatchesTheCompositeMatmulPlusBias() {
    let x = Tensor.uniform([5, 4], in: -1...1, seed: 1)
    let w = Tensor.uniform([3, 4], in: -1...1, seed: 2)
    let b = Tensor.uniform([3], in: -1...1, seed: 3)
    let fused = x.linear(weight: w, bias: b).scalars
    let composite = (x.matmul(w.T) + b).scalars
    for (f, c) in zip(fused, composite) { #expect(abs(f - c) < 1e-5) }
    #expect(x.linear(weight: w, bias: nil).scalars == x.matmul(w.T).scalars)
}

@Test func linearGradientMatchesFiniteDifferences() {
    let x = Tensor.uniform([5, 4], in: -1...1, seed: 1)
    let w = Tensor.uniform([3, 4], in: -1...1, seed: 2)
    let b = Tensor.uniform([3], in: -1...1, seed: 3)
    let check = checkGradient(of: { $0[0].linear(weight: $0[1], bias: $0[2]).tanh().sum() }, at: [x, w, b])
    #expect(check.maxError < 3e-3, "\(check)")
}

@Test func linearKeepsLeadingAxes() {
    let x = Tensor.uniform([5, 2, 4], in: -1...1, seed: 1)
    let w = Tensor.uniform([3, 4], in: -1...1, seed: 2)
    #expect(x.linear(weight: w, bias: nil).shape == [5, 2, 3])
}

@Test func linearTrapsOnMismatchedWeight() async {
    await #expect(processExitsWith: .failure) {
        _ = Tensor.zeros([2, 4]).linear(weight: Tensor.zeros([3, 5]), bias: nil)
    }
}
