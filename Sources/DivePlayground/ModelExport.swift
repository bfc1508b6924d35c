import DiveNN
import DiveTrain

extension PlaygroundTrainer {
    /// The trained network as a safetensors file with PyTorch's parameter names (`0.weight`,
    /// `0.bias`, `2.weight`, …), and the playground's setup in its metadata.
    public func safetensors() -> [UInt8] {
        let tensors = network.model.namedParameters.map { ($0.name, $0.parameter.value.detached()) }
        return Safetensors(tensors: tensors, metadata: ["dive.playground.hash": settings.hash,
                                                        "dive.playground.epoch": "\(epoch)"]).encoded()
    }

    /// A Python snippet that rebuilds the network as a `torch.nn.Sequential`, loads the
    /// safetensors file into it and computes the inputs from `x1` and `x2`.
    public func pythonSnippet(fileName: String = "playground.safetensors") -> String {
        let sizes = [settings.features.count] + settings.networkShape + [1]
        let activation = ["relu": "nn.ReLU()", "tanh": "nn.Tanh()", "sigmoid": "nn.Sigmoid()", "linear": nil][settings.activation.rawValue] ?? nil
        var modules: [String] = []
        for index in 0..<(sizes.count - 1) {
            modules.append("nn.Linear(\(sizes[index]), \(sizes[index + 1]))")
            guard index < settings.networkShape.count else { break }
            if let activation { modules.append(activation) }
            if settings.dropout[index] > 0 { modules.append("nn.Dropout(\(settings.dropout[index]))") }
        }
        let squashed = settings.problem == .classification && settings.effectiveLoss == .squared
        if squashed { modules.append("nn.Tanh()") }
        let meaning = switch (settings.problem, settings.effectiveLoss) {
        case (.regression, _): "the predicted value"
        case (_, .squared): "in [-1, 1]; its sign is the class"
        case (_, .crossEntropy): "a logit; torch.sigmoid(output) is the probability of class +1"
        }
        return """
        # The network trained in Dive's playground (epoch \(epoch)), rebuilt in PyTorch.
        import torch
        from torch import nn, sin, cos
        from safetensors.torch import load_file

        model = nn.Sequential(
            \(modules.joined(separator: ",\n    ")),
        )
        model.load_state_dict(load_file("\(fileName)"))
        model.eval()

        def features(x1, x2):
            \"\"\"The inputs the playground used, from tensors of x1 and x2.\"\"\"
            return torch.stack([\(settings.orderedFeatures.map(\.python).joined(separator: ", "))], dim=-1)

        x1, x2 = torch.tensor([1.0, -2.0]), torch.tensor([0.5, 3.0])
        output = model(features(x1, x2))  # \(meaning)
        print(output)

        """
    }
}
