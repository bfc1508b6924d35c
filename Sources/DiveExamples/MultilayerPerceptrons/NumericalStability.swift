import Dive

/// Section 4.8, *Numerical Stability and Initialization*: why deep networks need care with their
/// activations and initial weights.
///
/// A gradient is a product of one factor per layer, so factors below 1 make it vanish and
/// factors above 1 make it explode. The book shows both:
/// - vanishing: the sigmoid's derivative is at most 0.25 and almost 0 once `|x|` passes a few
///   units (about 3e-4 at ±8), so gradients through saturated sigmoids disappear;
/// - exploding: a product of 100 random 4×4 matrices with N(0, 1) entries grows to entries of
///   about 1e20 and more, far beyond anything an optimizer can use.
struct NumericalStabilityExample: Example {
    let name = "numerical-stability"
    let summary = "Vanishing sigmoid gradients, plotted; exploding products of 100 random 4x4 matrices"
    let bookSection = "4.8 Numerical Stability and Initialization"
    let defaultEpochs: Int? = nil

    /// The example with the book's settings.
    init() {}

    func run(_ options: ExampleOptions) throws -> ExampleResult {
        var result = ExampleResult()

        // Vanishing gradients: the sigmoid and its derivative over [-8, 8), by autograd.
        let x = Tensor.arange(from: -8, to: 8, step: 0.1).requiringGrad()
        let y = x.sigmoid()
        y.backward(seed: y.onesLike())
        let gradient = x.grad!.scalars
        let ends = Tensor([-8, 8]).requiringGrad()
        let sigmoidEnds = ends.sigmoid()
        sigmoidEnds.backward(seed: sigmoidEnds.onesLike())
        let endGradients = ends.grad!.scalars
        options.print("sigmoid'(-8) = \(format(endGradients[0], digits: 6)), sigmoid'(8) = \(format(endGradients[1], digits: 6)), "
                      + "largest sigmoid' = \(format(gradient.max()!, digits: 4))")
        result["sigmoid_grad_at_minus_8"] = .number(Double(endGradients[0]))
        result["sigmoid_grad_at_8"] = .number(Double(endGradients[1]))
        result["sigmoid_grad_max"] = .number(Double(gradient.max()!))
        let chart = LineChart(x: x.scalars, series: [
            Series(y.scalars, label: "sigmoid"),
            Series(gradient, label: "gradient", style: .dashed),
        ], title: "Vanishing gradients", xLabel: "x")
        result.files += try options.save(chart, as: "sigmoid")

        // Exploding gradients: `M = torch.normal(0, 1, size=(4, 4))`, then 100 more factors.
        var generator = RandomGenerator(seed: options.seed(default: 0))
        var m = Tensor.randn([4, 4], using: &generator)
        options.print("a single matrix\n\(formatMatrix(m.scalars, columns: 4))")
        for _ in 0..<100 {
            m = m.matmul(Tensor.randn([4, 4], using: &generator))
        }
        options.print("after multiplying 100 matrices\n\(formatMatrix(m.scalars, columns: 4))")
        let largest = m.scalars.map { Swift.abs($0) }.max()!
        result["product_largest_entry"] = .number(Double(largest))
        result["product_is_finite"] = .flag(m.scalars.allSatisfy(\.isFinite))
        return result
    }
}
