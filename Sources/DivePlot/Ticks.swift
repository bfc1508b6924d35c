import Foundation

/// A labelled position on an axis.
public struct Tick: Hashable, Sendable {
    /// The data value the tick marks.
    public var value: Double
    /// The text written beside it, as a typesetter would: a true minus sign (U+2212) and powers
    /// of ten with superscript exponents (`10⁻⁵`).
    public var label: String
}

/// Tick values for a linear axis over `range`: multiples of a 1-2-5 step (1, 2, 5, 10, 20, ...),
/// the step whose number of ticks inside the range is closest to `targetCount` (the larger step
/// on ties); with `integersOnly`, the step is at least 1 (epochs). A range of zero or infinite
/// width gets a single tick.
func linearTicks(in range: ClosedRange<Double>, targetCount: Int, integersOnly: Bool = false) -> [Tick] {
    let span = range.upperBound - range.lowerBound
    guard span > 0, span.isFinite else { return [Tick(value: range.lowerBound, label: tickLabel(range.lowerBound, step: 1))] }
    let larger = max(niceStep(span / Double(max(targetCount - 1, 1))), integersOnly ? 1 : 0)
    let mantissa = (larger / pow(10, log10(larger).rounded(.down))).rounded()
    let smaller = max(mantissa == 5 ? larger * 0.4 : larger * 0.5, integersOnly ? 1 : 0)   // 5 -> 2, 2 -> 1, 1 -> 0.5
    let candidates = [larger, smaller].map { ticks(in: range, step: $0) }
    return candidates.min { abs($0.count - targetCount) < abs($1.count - targetCount) } ?? candidates[0]
}

/// The multiples of `step` inside `range`, labelled with the decimals the step needs.
private func ticks(in range: ClosedRange<Double>, step: Double) -> [Tick] {
    let first = (range.lowerBound / step - 1e-9).rounded(.up)
    let last = (range.upperBound / step + 1e-9).rounded(.down)
    guard first <= last else { return [] }
    return stride(from: first, through: last, by: 1).map { multiple in
        let value = multiple * step + 0   // + 0 turns -0 into 0
        return Tick(value: value, label: tickLabel(value, step: step))
    }
}

/// The smallest step of the form 1, 2 or 5 times a power of ten that is at least `rough`.
func niceStep(_ rough: Double) -> Double {
    let magnitude = pow(10, (log10(rough)).rounded(.down))
    for multiplier in [1.0, 2, 5] where multiplier * magnitude >= rough * (1 - 1e-9) {
        return multiplier * magnitude
    }
    return 10 * magnitude
}

/// Tick values for a logarithmic axis over the positive `range`: the powers of ten inside it
/// (`10⁻⁵`), with 2× and 5× in between (`2×10⁻⁵`) when fewer than three powers of ten fit.
func logarithmicTicks(in range: ClosedRange<Double>) -> [Tick] {
    let lowest = Int(log10(range.lowerBound).rounded(.down))
    let highest = Int(log10(range.upperBound).rounded(.up))
    let decadesInside = (lowest...highest).filter { range.contains(pow(10, Double($0))) }.count
    let multipliers: [Int] = decadesInside >= 3 ? [1] : [1, 2, 5]
    var ticks: [Tick] = []
    for exponent in lowest...highest {
        for multiplier in multipliers {
            let value = Double(multiplier) * pow(10, Double(exponent))
            guard value >= range.lowerBound * (1 - 1e-9), value <= range.upperBound * (1 + 1e-9) else { continue }
            let power = "10" + superscript(exponent)
            ticks.append(Tick(value: value, label: multiplier == 1 ? power : "\(multiplier)×" + power))
        }
    }
    return ticks
}

/// `value` written with as many decimals as `step` needs (`0.5` for step 0.5, `20` for step 10),
/// in exponent notation when the number would be very long, with a true minus sign.
func tickLabel(_ value: Double, step: Double) -> String {
    let decimals = max(0, Int((-log10(step) - 1e-9).rounded(.up)))
    let text = abs(value) >= 1e7 || decimals > 6 ? String(format: "%g", value) : String(format: "%.\(decimals)f", value)
    return withMinusSigns(text)
}

/// `text` with every hyphen-minus turned into the minus sign U+2212, as typeset numbers have it.
func withMinusSigns(_ text: String) -> String {
    text.replacingOccurrences(of: "-", with: "\u{2212}")
}

/// `exponent` in superscript digits, `-5` as `⁻⁵`.
func superscript(_ exponent: Int) -> String {
    let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
    return (exponent < 0 ? "⁻" : "") + String(abs(exponent)).map { digits[Int(String($0))!] }
}
