import Foundation

/// Where a named dataset's files are looked for, and the error when they are nowhere.
///
/// The search order is: the directory the caller gives (`--data-dir`), then `$DIVE_DATA_DIR`,
/// then `~/.cache/dive/<name>`, then `/usr/share/datasets/<name>` (where Debian's
/// `dataset-*` packages put them). A given directory and `$DIVE_DATA_DIR` may hold the files
/// themselves or a `<name>` folder with them. Each file may be gzipped (`.gz`) or not.
public struct DatasetLocator: Sendable {
    /// The dataset's folder name, e.g. "fashion-mnist".
    public let name: String
    /// The environment to read `DIVE_DATA_DIR` from.
    public let environment: [String: String]
    /// The home directory holding `.cache/dive`.
    public let homeDirectory: String
    /// Ways to get the dataset, for the not-found message, e.g. "`dive data download mnist`".
    public let remedies: [String]

    /// A locator for dataset `name`; the environment and home default to this process's, and
    /// tests pass their own so they need not change global state.
    public init(name: String, remedies: [String] = [], environment: [String: String] = ProcessInfo.processInfo.environment,
                homeDirectory: String = NSHomeDirectory()) {
        self.name = name
        self.remedies = remedies
        self.environment = environment
        self.homeDirectory = homeDirectory
    }

    /// The directories to look in, in order, each with where it came from.
    public func searchPath(dataDirectory: String?) -> [(directory: String, origin: String)] {
        var places: [(String, String)] = []
        if let dataDirectory {
            places.append((dataDirectory, "given directory"))
            places.append(((dataDirectory as NSString).appendingPathComponent(name), "given directory"))
        }
        if let root = environment["DIVE_DATA_DIR"], !root.isEmpty {
            places.append((root, "$DIVE_DATA_DIR"))
            places.append(((root as NSString).appendingPathComponent(name), "$DIVE_DATA_DIR"))
        }
        places.append(((homeDirectory as NSString).appendingPathComponent(".cache/dive/\(name)"), "user cache"))
        places.append(("/usr/share/datasets/\(name)", "system datasets"))
        return places
    }

    /// The paths of `files` (names without `.gz`) in the first directory of the search path that
    /// holds all of them, each either plain or gzipped (the plain one preferred).
    ///
    /// - Throws: `DatasetError.notFound`, listing every place looked at and how to get the data.
    public func locate(_ files: [String], dataDirectory: String? = nil) throws(DatasetError) -> [String] {
        let manager = FileManager.default
        let places = searchPath(dataDirectory: dataDirectory)
        for (directory, _) in places {
            let found = files.compactMap { file -> String? in
                let plain = (directory as NSString).appendingPathComponent(file)
                return [plain, plain + ".gz"].first { manager.fileExists(atPath: $0) }
            }
            if found.count == files.count { return found }
        }
        var searched = places.map { "\($0.directory) (\($0.origin))" }
        if environment["DIVE_DATA_DIR", default: ""].isEmpty { searched.append("$DIVE_DATA_DIR is not set") }
        throw .notFound(dataset: name, files: files, searched: searched, remedies: remedies)
    }
}

/// A dataset that could not be found.
public enum DatasetError: Error, Equatable, CustomStringConvertible {
    /// None of the `searched` places holds all of `files`; `remedies` say how to get them.
    case notFound(dataset: String, files: [String], searched: [String], remedies: [String])

    public var description: String {
        switch self {
        case let .notFound(dataset, files, searched, remedies):
            let wanted = files.map { $0 + "[.gz]" }.joined(separator: ", ")
            let ways = remedies + ["point --data-dir or $DIVE_DATA_DIR at a folder holding the files"]
            return (["\(dataset) not found: no folder holds all of \(wanted). Looked in:"]
                + searched.map { "  \($0)" }
                + ["Get it with " + ways.joined(separator: ", or ") + "."]).joined(separator: "\n")
        }
    }
}
