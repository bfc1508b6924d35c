import Foundation
import DiveCore
import DiveNN

/// The playground's network as a Dive `Sequential`, laid out as PyTorch would be
/// (`Linear, activation, [Dropout], …, Linear, [Tanh]`), so its parameter names are those of the
/// matching `torch.nn.Sequential`.
///
/// As in the TensorFlow Playground, weights start uniform in [-0.5, 0.5] (or 0 with `initZero`)
/// and biases at 0.1. The output is a `tanh` for classification with squared error, a logit for
/// cross-entropy, and linear for regression.
final class PlaygroundNetwork {
    /// The whole model, trained and exported.
    let model: Sequential
    /// The fully connected layers, hidden ones first, the output last.
    let linears: [Linear]
    /// The settings the network was made from.
    let settings: PlaygroundSettings

    init(settings: PlaygroundSettings) {
        self.settings = settings
        var generator = settings.generator(salt: 1)
        let sizes = [settings.features.count] + settings.networkShape + [1]
        var layers: [any Layer] = []
        var linears: [Linear] = []
        for index in 0..<(sizes.count - 1) {
            let linear = Linear(inputSize: sizes[index], outputSize: sizes[index + 1], generator: &generator)
            let weights = (0..<linear.weight.value.count).map { _ in
                settings.initZero ? 0 : generator.nextFloat(in: -0.5...0.5)
            }
            linear.weight.value = Tensor(weights, shape: linear.weight.shape)
            linear.bias?.value = Tensor.full(0.1, shape: [sizes[index + 1]])
            layers.append(linear)
            linears.append(linear)
            guard index < settings.networkShape.count else { break }
            switch settings.activation {
            case .relu: layers.append(ReLU())
            case .tanh: layers.append(Tanh())
            case .sigmoid: layers.append(Sigmoid())
            case .linear: break
            }
            let dropout = settings.dropout[index]
            if dropout > 0 { layers.append(Dropout(probability: dropout, generator: RandomGenerator(seed: generator.next()))) }
        }
        if settings.problem == .classification, settings.effectiveLoss == .squared { layers.append(Tanh()) }
        model = Sequential(layers)
        self.linears = linears
    }

    /// The model's output for `inputs` `[n, features]`, recording gradients: what the loss takes.
    func callAsFunction(_ inputs: Tensor) -> Tensor { model(inputs) }

    /// The value the page shows for a raw output: the output itself, except for cross-entropy
    /// where the logit `z` becomes `2σ(z) - 1 = tanh(z/2)`, in [-1, 1] like the other outputs.
    func displayed(_ output: Float) -> Float {
        settings.effectiveLoss == .crossEntropy ? Foundation.tanh(output / 2) : output
    }

    /// The displayed output at each of `inputs` `[n, features]`, in evaluation mode, without gradients.
    func outputs(_ inputs: Tensor) -> [Float] {
        model.eval()
        defer { model.train() }
        return withoutGradients { model(inputs).scalars.map(displayed) }
    }

    /// Every neuron's value at each of `inputs` `[n, features]`, in evaluation mode and without
    /// gradients: one array per hidden layer (`[neuron][point]`) and the displayed output last.
    func activations(_ inputs: Tensor) -> [[[Float]]] {
        model.eval()
        defer { model.train() }
        return withoutGradients {
            var layerValues: [[[Float]]] = []
            var x = inputs
            for (index, layer) in model.layers.enumerated() {
                x = layer(x)
                let endsHiddenLayer = layerValues.count < settings.networkShape.count
                    && (index + 1 == model.layers.count || model.layers[index + 1] is Linear)
                if endsHiddenLayer { layerValues.append(PlaygroundFrame.columns(x.scalars, width: x.shape[1])) }
            }
            layerValues.append([x.scalars.map(displayed)])
            return layerValues
        }
    }

    /// The weights of each fully connected layer, `[layer][to][from]`, and its biases `[layer][to]`.
    var weights: (weights: [[[Float]]], biases: [[Float]]) {
        let weights = linears.map { linear in
            let values = linear.weight.value.scalars
            let width = linear.inputSize
            return (0..<linear.outputSize).map { Array(values[($0 * width)..<(($0 + 1) * width)]) }
        }
        return (weights, linears.map { $0.bias?.value.scalars ?? [] })
    }

    /// Sets the weight from neuron `from` of one layer to neuron `to` of the next (layer 0 takes
    /// the features). Returns false when there is no such link.
    func setWeight(layer: Int, to: Int, from: Int, value: Float) -> Bool {
        guard linears.indices.contains(layer), value.isFinite else { return false }
        let linear = linears[layer]
        guard (0..<linear.outputSize).contains(to), (0..<linear.inputSize).contains(from) else { return false }
        var values = linear.weight.value.scalars
        values[to * linear.inputSize + from] = value
        linear.weight.value = Tensor(values, shape: linear.weight.shape)
        return true
    }
}
