/// A failure of a command that the user can act on, printed as `Error: <message>`.
struct CommandError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}
