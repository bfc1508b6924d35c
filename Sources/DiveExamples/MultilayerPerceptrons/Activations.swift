import Dive

/// Section 4.1, *Multilayer Perceptrons*: the activation functions that make a stack of linear
/// layers more than one linear layer, and their derivatives, computed by autograd.
///
/// The book evaluates each function on `x = -8, -7.9, …, 7.9`, plots it, then calls
/// `y.backward(torch.ones_like(x))` to get the derivative at every point at once (the gradient
/// of `Σ y` with respect to `x`) and plots that too. ReLU's derivative is 0 or 1 (0 at exactly
/// 0, by convention); the sigmoid's peaks at 0.25 and tanh's at 1, both at `x = 0`.
struct ActivationsExample: Example {
    let name = "activations"
    let summary = "ReLU, PReLU, sigmoid and tanh with their autograd derivatives over [-8, 8), plotted"
    let bookSection = "4.1 Multilayer Perceptrons"
    let defaultEpochs: Int? = nil

    /// The example with the book's settings.
    init() {}

    func run(_ options: ExampleOptions) throws -> ExampleResult {
        // `x = torch.arange(-8.0, 8.0, 0.1, requires_grad=True)`: 160 points.
        let x = Tensor.arange(from: -8, to: 8, step: 0.1).requiringGrad()

        // The four functions; PReLU is the layer, with its slope a = 0.25 for negative inputs.
        // Each with its key (file and JSON names) and its name as the book writes it.
        let activations: [(name: String, title: String, function: (Tensor) -> Tensor)] = [
            ("relu", "ReLU", { $0.relu() }),
            ("prelu", "PReLU", PReLU(initialSlope: 0.25).callAsFunction),
            ("sigmoid", "sigmoid", { $0.sigmoid() }),
            ("tanh", "tanh", { $0.tanh() }),
        ]

        var result = ExampleResult()
        for (name, title, function) in activations {
            // y = f(x); y.backward(ones) leaves dy/dx of every point in x.grad.
            let y = function(x)
            y.backward(seed: y.onesLike())
            let gradient = x.grad!.scalars
            x.zeroGrad()

            // The derivative at exactly 0, and at the ends of the range.
            let atPoints = derivative(of: function, at: [0, -8, 8])
            options.print("\(title): f'(0) = \(significant(atPoints[0])), "
                          + "f'(-8) = \(significant(atPoints[1])), f'(8) = \(significant(atPoints[2]))")
            result["\(name)_grad_at_0"] = .number(Double(atPoints[0]))
            result["\(name)_grad_at_minus_8"] = .number(Double(atPoints[1]))
            result["\(name)_grad_at_8"] = .number(Double(atPoints[2]))
            result["\(name)_grad_max"] = .number(Double(gradient.max()!))
            // The distinct values the derivative takes over the range, for the piecewise-linear ones.
            if name.hasSuffix("relu") { result["\(name)_grad_values"] = .numbers(Set(gradient).sorted()) }

            let chart = LineChart(x: x.scalars, series: [
                Series(y.scalars, label: "\(title)(x)"),
                Series(gradient, label: "gradient of \(title)", style: .dashed),
            ], title: title, xLabel: "x", yLabel: "\(title)(x)")
            result.files += try options.save(chart, as: name)
        }
        return result
    }
}

/// The derivative of the elementwise `function` at each of `points`, by autograd.
private func derivative(of function: (Tensor) -> Tensor, at points: [Float]) -> [Float] {
    let x = Tensor(points).requiringGrad()
    let y = function(x)
    y.backward(seed: y.onesLike())
    return x.grad!.scalars
}
