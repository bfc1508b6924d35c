import Foundation

/// `value` with `digits` digits after the point, as the book's f-strings print it (`f'{x:f}'`
/// is `digits: 6`).
func format(_ value: some BinaryFloatingPoint, digits: Int = 3) -> String {
    String(format: "%.\(digits)f", Double(value))
}

/// `values` as `[a, b, c]`, each with `digits` digits after the point.
func format(_ values: [some BinaryFloatingPoint], digits: Int = 3) -> String {
    "[" + values.map { format($0, digits: digits) }.joined(separator: ", ") + "]"
}

/// A matrix of `[rows, columns]` scalars printed row by row in scientific notation, as
/// PyTorch prints a tensor of very different magnitudes.
func formatMatrix(_ scalars: [Float], columns: Int) -> String {
    stride(from: 0, to: scalars.count, by: columns).map { start in
        "[" + scalars[start..<start + columns].map { String(format: "%11.4e", Double($0)) }.joined(separator: ", ") + "]"
    }.joined(separator: "\n")
}

/// `value` with `digits` significant digits, in exponent notation when very small or large
/// (`0.25`, `0.000335`, `4.50044e-07`), so that no nonzero value prints as zero.
func significant(_ value: some BinaryFloatingPoint, digits: Int = 6) -> String {
    String(format: "%.\(digits)g", Double(value))
}
