/// A shape that an operation cannot accept.
///
/// Operations on values that come from outside the program (a user's reshape, a file's
/// dimensions) throw this error; misusing an operator in code traps with the same text.
public enum ShapeError: Error, Equatable, CustomStringConvertible, Sendable {
    /// Two shapes that NumPy broadcasting cannot reconcile.
    case notBroadcastable(op: String, lhs: [Int], rhs: [Int])
    /// Two shapes that the operation needs to agree in some way, with what it expected.
    case mismatch(op: String, lhs: [Int], rhs: [Int], expected: String)
    /// A reshape whose element counts differ, or that has more than one `-1`.
    case invalidReshape(from: [Int], to: [Int], reason: String)
    /// An axis outside `-rank..<rank`.
    case invalidAxis(op: String, axis: Int, rank: Int)
    /// Any other unusable shape or argument, with an explanation.
    case invalid(op: String, message: String)

    public var description: String {
        switch self {
        case let .notBroadcastable(op, lhs, rhs):
            "\(op): shapes \(lhs) and \(rhs) cannot be broadcast together"
        case let .mismatch(op, lhs, rhs, expected):
            "\(op): shapes \(lhs) and \(rhs) do not match (\(expected))"
        case let .invalidReshape(from, to, reason):
            "reshape: cannot reshape \(from) to \(to): \(reason)"
        case let .invalidAxis(op, axis, rank):
            "\(op): axis \(axis) is out of range for a tensor of rank \(rank) (valid: \(-rank)..<\(rank))"
        case let .invalid(op, message):
            "\(op): \(message)"
        }
    }
}

/// Traps with the error's message: for misuse of an operator or layer in code, where throwing
/// would force every caller to handle a programming error. Layers and losses use it too, so that
/// every misuse reads the same way.
public func trap(_ error: ShapeError, file: StaticString = #file, line: UInt = #line) -> Never {
    fatalError(error.description, file: file, line: line)
}

/// Evaluates a throwing shape computation and traps with its message on failure.
func orTrap<T>(_ body: () throws(ShapeError) -> T) -> T {
    do { return try body() } catch { trap(error) }
}
