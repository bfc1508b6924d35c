import DiveCore

// Parameters and sublayers are discovered by reflection, never listed by hand: a field added
// to a layer is found the day it is added. Names follow PyTorch's `state_dict`.

extension Layer {
    /// Every `Parameter` reachable from this layer, in the order of ``namedParameters``, each
    /// once even when shared by two layers. Give it to an optimizer:
    /// `SGD(parameters: model.parameters, learningRate: 0.1)`.
    public var parameters: [Parameter] { namedParameters.map(\.parameter) }

    /// Every reachable `Parameter` with its PyTorch `state_dict` name, in PyTorch's order: the
    /// layers depth first as in ``namedLayers``, each layer's own parameters in declaration order.
    ///
    /// A parameter is named by the path of stored properties that leads to it, joined by dots;
    /// children of a `Sequential` (and elements of a `[any Layer]` or `[Parameter]` property)
    /// are named by their index. `Sequential(Flatten(), Linear(…), ReLU(), Linear(…))` gives
    /// `"1.weight"`, `"1.bias"`, `"3.weight"`, `"3.bias"`; a `Linear` alone gives `"weight"`,
    /// `"bias"`. A parameter reachable twice keeps its first name, as in PyTorch.
    public var namedParameters: [(name: String, parameter: Parameter)] {
        var seen = Set<ObjectIdentifier>()
        var result: [(name: String, parameter: Parameter)] = []
        for (prefix, layer) in namedLayers {
            for case let .parameter(label, parameter) in layer.directChildren
            where seen.insert(ObjectIdentifier(parameter)).inserted {
                result.append((prefix.isEmpty ? label : "\(prefix).\(label)", parameter))
            }
        }
        return result
    }

    /// This layer (named `""`) and every layer reachable from it, depth first in declaration
    /// order, each once, with dotted names like `"0.1"` for the second child of the first child
    /// of a `Sequential` (PyTorch's `named_modules()`).
    public var namedLayers: [(name: String, layer: any Layer)] {
        var seen: Set<ObjectIdentifier> = [ObjectIdentifier(self)]
        var result: [(name: String, layer: any Layer)] = []
        // An explicit stack keeps the order depth first without recursion.
        var pending: [(name: String, layer: any Layer)] = [("", self)]
        while let (name, layer) = pending.popLast() {
            result.append((name, layer))
            var children: [(name: String, layer: any Layer)] = []
            for case let .layer(label, child) in layer.directChildren
            where seen.insert(ObjectIdentifier(child)).inserted {
                children.append((name.isEmpty ? label : "\(name).\(label)", child))
            }
            pending.append(contentsOf: children.reversed())
        }
        return result
    }

    /// The parameters and layers held directly by this layer's stored properties, labelled
    /// with the property name (and an index for arrays). A `Sequential`'s children are labelled
    /// by index alone, as PyTorch names them.
    var directChildren: [ReflectedChild] {
        if let sequential = self as? Sequential {
            return sequential.layers.enumerated().map { .layer(String($0.offset), $0.element) }
        }
        var result: [ReflectedChild] = []
        for (position, child) in Mirror(reflecting: self).children.enumerated() {
            let label = child.label ?? String(position)
            switch child.value {
            case let parameter as Parameter:
                result.append(.parameter(label, parameter))
            case let layer as any Layer:
                result.append(.layer(label, layer))
            case let parameters as [Parameter]:
                result += parameters.enumerated().map { .parameter("\(label).\($0.offset)", $0.element) }
            case let layers as [any Layer]:
                result += layers.enumerated().map { .layer("\(label).\($0.offset)", $0.element) }
            default:
                break  // sizes, flags, generators, nil optionals
            }
        }
        return result
    }
}

/// One stored property of a layer that reflection found: a parameter or a sublayer.
enum ReflectedChild {
    case parameter(String, Parameter)
    case layer(String, any Layer)
}
