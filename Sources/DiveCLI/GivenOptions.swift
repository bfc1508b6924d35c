import Foundation

/// Which options were typed on this process's command line, as opposed to left at their
/// defaults: ArgumentParser gives only the values.
enum GivenOptions {
    /// Whether the option `name` (e.g. `--hidden`) was given, as `--hidden 128` or `--hidden=128`.
    static func contains(_ name: String) -> Bool {
        ProcessInfo.processInfo.arguments.dropFirst().contains { $0 == name || $0.hasPrefix(name + "=") }
    }
}
