import Foundation

/// An input feature computed from a point `(x₁, x₂)`, named as in the TensorFlow Playground's
/// URL hash (`x`, `y`, `xTimesY`, …), in the order of its page's inputs (then the two cosines,
/// which its hash knows and its page does not show).
public enum Feature: String, CaseIterable, Sendable {
    case x, y, xSquared, ySquared, xTimesY, sinX, sinY, cosX, cosY

    /// The order of the TensorFlow Playground's URL hash.
    static let hashOrder: [Feature] = [.x, .y, .xTimesY, .xSquared, .ySquared, .cosX, .sinX, .cosY, .sinY]

    /// The feature's value at `(x, y)`.
    public func value(x: Float, y: Float) -> Float {
        switch self {
        case .x: x
        case .y: y
        case .xTimesY: x * y
        case .xSquared: x * x
        case .ySquared: y * y
        case .sinX: Foundation.sin(x)
        case .cosX: Foundation.cos(x)
        case .sinY: Foundation.sin(y)
        case .cosY: Foundation.cos(y)
        }
    }

    /// The label the page shows (`X₁²`) and the Python expression of the exported snippet.
    public var label: String {
        switch self {
        case .x: "X₁"
        case .y: "X₂"
        case .xTimesY: "X₁X₂"
        case .xSquared: "X₁²"
        case .ySquared: "X₂²"
        case .sinX: "sin(X₁)"
        case .cosX: "cos(X₁)"
        case .sinY: "sin(X₂)"
        case .cosY: "cos(X₂)"
        }
    }

    /// The feature as a Python expression of `x1` and `x2` (NumPy or torch arrays).
    public var python: String {
        switch self {
        case .x: "x1"
        case .y: "x2"
        case .xTimesY: "x1 * x2"
        case .xSquared: "x1 ** 2"
        case .ySquared: "x2 ** 2"
        case .sinX: "sin(x1)"
        case .cosX: "cos(x1)"
        case .sinY: "sin(x2)"
        case .cosY: "cos(x2)"
        }
    }
}
