/// A setting the page (or a URL hash) sent that the playground refuses; the session keeps its
/// previous settings.
public struct SettingsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The setting's name, as in the URL hash (`learningRate`).
    public var field: String
    /// What is allowed (`a number from 0.00001 to 10`).
    public var expected: String
    /// What was sent.
    public var found: String

    /// An error for `field`, which should be `expected` and was `found`.
    public init(field: String, expected: String, found: String) {
        self.field = field
        self.expected = expected
        self.found = found
    }

    /// `learningRate must be a number from 0.00001 to 10, got "abc"`.
    public var description: String {
        "\(field) must be \(expected), got \"\(found.prefix(40))\(found.count > 40 ? "…" : "")\""
    }
}
