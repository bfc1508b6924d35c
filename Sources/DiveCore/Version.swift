/// The version of the Dive library and `dive` tool.
public enum DiveVersion {
    /// Semantic version string, e.g. `"0.1.0"`.
    public static let current = "0.1.0"
}
