import Dive

/// XOR, the function no single linear layer can compute (the book's motivation for hidden
/// layers in section 4.1), learned by the smallest network that can: 2 inputs, 2 hidden ReLU
/// units, 1 sigmoid output.
///
/// The four points `(0,0) (0,1) (1,0) (1,1)` with targets `0 1 1 0` form one full batch;
/// binary cross-entropy and SGD with learning rate 0.1 for 1000 epochs. So small a network has
/// bad starts: a hidden ReLU unit that is negative on all four points never recovers (its
/// gradient is 0), and then XOR is out of reach. The example therefore also trains from 20
/// seeds and counts how many learn; with 8 hidden units (`--hidden 8`) every seed does.
struct XORExample: Example {
    let name = "xor"
    let summary = "A 2-2-1 network learns XOR with BCE and SGD; how many of 20 seeds learn (--hidden widens it)"
    let bookSection = "4.1 Multilayer Perceptrons (XOR, beyond the book)"
    let defaultEpochs: Int? = 1000
    let defaultHiddenUnits: Int? = 2

    /// The example with its default settings.
    init() {}

    func run(_ options: ExampleOptions) throws -> ExampleResult {
        let hidden = options.hiddenUnits ?? 2
        let epochs = options.epochs(default: 1000)
        let seed = options.seed(default: 4)   // the first of seeds 0…19 from which 2 hidden units learn

        // The four points of XOR, as one batch, and their targets.
        let x = Tensor([0, 0, 0, 1, 1, 0, 1, 1], shape: [4, 2])
        let y = Tensor([0, 1, 1, 0], shape: [4, 1])

        let run = trainXOR(x: x, y: y, hidden: hidden, epochs: epochs, seed: seed) { epoch, loss in
            options.print("epoch \(epoch), loss \(format(loss, digits: 4))")
        }
        options.print("probabilities: \(format(run.probabilities, digits: 3))")
        options.print("predictions: \(run.predictions) (XOR is [0, 1, 1, 0])")

        // The same training from seeds 0…19: how often does this width learn XOR?
        let seeds = 0..<20
        let learned = seeds.filter { trainXOR(x: x, y: y, hidden: hidden, epochs: epochs, seed: UInt64($0)).learned }
        options.print("\(learned.count) of \(seeds.count) seeds learn XOR with \(hidden) hidden units")

        var result = ExampleResult()
        result["hidden_units"] = .integer(hidden)
        result["seed"] = .integer(Int(seed))
        result["losses"] = .numbers(run.losses)
        result["final_loss"] = .number(Double(run.losses.last ?? .nan))
        result["probabilities"] = .numbers(run.probabilities)
        result["predictions"] = .integers(run.predictions)
        result["learned"] = .flag(run.learned)
        result["seeds_learned"] = .integer(learned.count)
        result["seeds_tried"] = .integer(seeds.count)
        let chart = LineChart(x: run.losses.indices.map { Double(($0 + 1) * 100) },
                              series: [Series(run.losses, label: "loss")], title: "XOR, \(hidden) hidden units",
                              xLabel: "epoch", yLabel: "binary cross-entropy")
        result.files = try options.save(chart, as: "loss")
        return result
    }
}

/// One training run on XOR: the loss every 100 epochs, the final probabilities and the
/// predictions they round to.
private struct XORRun {
    var losses: [Float] = []
    var probabilities: [Float] = []
    var predictions: [Int] { probabilities.map { $0 > 0.5 ? 1 : 0 } }
    var learned: Bool { predictions == [0, 1, 1, 0] }
}

/// Trains `Linear(2, hidden) → ReLU → Linear(hidden, 1) → Sigmoid` on the whole batch with
/// binary cross-entropy and SGD (learning rate 0.1), PyTorch's default initialisation drawn
/// from `seed`; `report` hears the loss every 100 epochs.
private func trainXOR(x: Tensor, y: Tensor, hidden: Int, epochs: Int, seed: UInt64,
                      report: (Int, Float) -> Void = { _, _ in }) -> XORRun {
    var generator = RandomGenerator(seed: seed)
    let net = Sequential(
        Linear(inputSize: 2, outputSize: hidden, generator: &generator),
        ReLU(),
        Linear(inputSize: hidden, outputSize: 1, generator: &generator),
        Sigmoid()
    )
    let optimizer = SGD(parameters: net.parameters, learningRate: 0.1)
    var run = XORRun()
    for epoch in 1...epochs {
        let loss = binaryCrossEntropy(probabilities: net(x), targets: y)
        optimizer.zeroGrad()
        loss.backward()
        optimizer.step()
        if epoch % 100 == 0 {
            run.losses.append(loss.item())
            report(epoch, loss.item())
        }
    }
    run.probabilities = withoutGradients { net(x).scalars }
    return run
}
