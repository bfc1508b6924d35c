import Testing
@testable import DiveCore
import DiveTestSupport

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

@Test func linearReLUMatchesTheComposite() {
    // Bias large enough that a good share of the outputs is negative before the ReLU.
    for (rows, inputs, outputs) in [(5, 4, 3), (256, 784, 256), (32, 64, 10), (7, 9, 33)] {
        let x = Tensor.uniform([rows, inputs], in: -1...1, seed: 1)
        let w = Tensor.uniform([outputs, inputs], in: -1...1, seed: 2)
        let b = Tensor.uniform([outputs], in: -2...2, seed: 3)
        expectClose(x.linearReLU(weight: w, bias: b).scalars, (x.matmul(w.T) + b).relu().scalars, tolerance: 1e-4)
        expectClose(x.linearReLU(weight: w, bias: nil).scalars, x.matmul(w.T).relu().scalars, tolerance: 1e-4)
    }
}

@Test func linearReLUGradientsMatchTheComposite() {
    let x = Tensor.uniform([6, 5], in: -1...1, seed: 4).requiringGrad()
    let w = Tensor.uniform([4, 5], in: -1...1, seed: 5).requiringGrad()
    let b = Tensor.uniform([4], in: -1...1, seed: 6).requiringGrad()
    let weights = Tensor.uniform([6, 4], in: -1...1, seed: 7)
    (x.linearReLU(weight: w, bias: b) * weights).sum().backward()
    let fused = [x.grad!.scalars, w.grad!.scalars, b.grad!.scalars]
    let (x2, w2, b2) = (x.detached().requiringGrad(), w.detached().requiringGrad(), b.detached().requiringGrad())
    ((x2.matmul(w2.T) + b2).relu() * weights).sum().backward()
    for (f, c) in zip(fused, [x2.grad!.scalars, w2.grad!.scalars, b2.grad!.scalars]) { expectClose(f, c) }
}

@Test func linearReLUGradientMatchesFiniteDifferences() throws {
    let x = Tensor.uniform([5, 4], in: -1...1, seed: 1)
    let w = Tensor.uniform([3, 4], in: -1...1, seed: 2)
    let b = Tensor.uniform([3], in: -1...1, seed: 3)
    // Every pre-activation stays farther from ReLU's kink than a step of 1e-3 can move it.
    let nearest = try #require((x.matmul(w.T) + b).scalars.map(abs).min())
    try #require(nearest > 0.01)
    let check = checkGradient(of: { $0[0].linearReLU(weight: $0[1], bias: $0[2]).tanh().sum() }, at: [x, w, b],
                              step: 1e-3)
    #expect(check.maxError < 3e-3, "\(check)")
}
