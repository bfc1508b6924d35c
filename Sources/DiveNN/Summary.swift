import DiveCore

/// A table of a model's layers with each one's name, output shape and parameter count, and the
/// total (like Keras' `model.summary()` or `torchinfo`).
///
/// The shapes come from one forward pass of zeros of `inputShape` (batch axis included), run
/// without gradients and in evaluation mode, so no Dropout mask is drawn; each layer's mode is
/// restored afterwards. The children of a `Sequential` (nested ones too) get a row each, named
/// as in `namedParameters`. A custom layer gets a row, followed by its sublayers' rows, indented
/// and without output shapes (as torchinfo lists a module's children).
///
/// ```text
/// Name   Layer                                                 Output shape   Parameters
/// ──────────────────────────────────────────────────────────────────────────────────────
/// 0      Flatten()                                             [1, 784]                0
/// 1      Linear(inputSize: 784, outputSize: 256, bias: true)   [1, 256]          200,960
/// …
/// Total parameters: 203,530
/// ```
public func summary(of model: any Layer, inputShape: [Int]) -> String {
    var rows: [[String]] = []
    model.withTraining(false) {
        withoutGradients { _ = summaryRows(of: model, name: "", input: .zeros(inputShape), into: &rows) }
    }

    let table = [["Name", "Layer", "Output shape", "Parameters"]] + rows
    let widths = (0..<4).map { column in table.map { $0[column].count }.max() ?? 0 }
    func line(_ row: [String]) -> String {
        let left = (0..<3).map { row[$0] + String(repeating: " ", count: widths[$0] - row[$0].count) }
        return (left + [String(repeating: " ", count: widths[3] - row[3].count) + row[3]]).joined(separator: "   ")
    }
    let rule = String(repeating: "─", count: widths.reduce(0, +) + 9)
    let total = model.parameters.reduce(0) { $0 + $1.value.count }
    return ([line(table[0]), rule] + rows.map(line) + [rule, "Total parameters: \(grouped(total))"])
        .joined(separator: "\n")
}

/// Runs `layer` on `input`, adding one row per layer (recursing into `Sequential`s), and
/// returns the output. The sublayers of any other layer follow its row, indented, without an
/// output shape: they run inside its forward pass, which the summary cannot look into.
private func summaryRows(of layer: any Layer, name: String, input: Tensor, into rows: inout [[String]]) -> Tensor {
    guard let sequential = layer as? Sequential else {
        let output = layer(input)
        rows.append(row(for: layer, name: name, depth: 0, shape: "\(output.shape)"))
        childRows(of: layer, name: name, depth: 1, into: &rows)
        return output
    }
    var x = input
    for (index, child) in sequential.layers.enumerated() {
        x = summaryRows(of: child, name: dotted(name, "\(index)"), input: x, into: &rows)
    }
    return x
}

/// Rows for the sublayers of `layer` and theirs, depth first, indented by `depth`.
private func childRows(of layer: any Layer, name: String, depth: Int, into rows: inout [[String]]) {
    for case let .layer(label, child) in layer.directChildren {
        rows.append(row(for: child, name: dotted(name, label), depth: depth, shape: "–"))
        childRows(of: child, name: dotted(name, label), depth: depth + 1, into: &rows)
    }
}

/// One row: name, description (indented two spaces per level), output shape, parameter count.
private func row(for layer: any Layer, name: String, depth: Int, shape: String) -> [String] {
    let count = layer.parameters.reduce(0) { $0 + $1.value.count }
    let described = (layer as? CustomStringConvertible)?.description ?? String(describing: type(of: layer))
    let firstLine = described.split(separator: "\n").first.map(String.init) ?? described
    return [name, String(repeating: "  ", count: depth) + firstLine, shape, grouped(count)]
}

private func dotted(_ prefix: String, _ label: String) -> String { prefix.isEmpty ? label : "\(prefix).\(label)" }

/// `203530` → `"203,530"`.
private func grouped(_ value: Int) -> String {
    let digits = Array(String(value))
    return digits.enumerated().map { index, digit in
        index > 0 && (digits.count - index) % 3 == 0 ? ",\(digit)" : "\(digit)"
    }.joined()
}
