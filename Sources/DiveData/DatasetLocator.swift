import Foundation

/// Where a named dataset's files are looked for, and the error when they are not there.
///
/// A folder the caller gives (`--data-dir`) is the only place looked; without one,
/// `$DIVE_DATA_DIR` when set is the only place; without either, `~/.cache/dive/<name>` and then
/// `/usr/share/datasets/<name>` (where Debian's `dataset-*` packages put them). Nothing given
/// explicitly is ever replaced by another folder's files. A given folder and `$DIVE_DATA_DIR`
/// may hold the files themselves or a `<name>` folder with them. All the files asked for come
/// from one folder, and each may be gzipped (`.gz`) or not.
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

    /// The folder given explicitly, by `dataDirectory` or else by `$DIVE_DATA_DIR`, with how it
    /// was given; nil when neither is.
    public func explicitDirectory(_ dataDirectory: String?) -> (directory: String, origin: String)? {
        if let dataDirectory { return (dataDirectory, "--data-dir") }
        if let root = environment["DIVE_DATA_DIR"], !root.isEmpty { return (root, "$DIVE_DATA_DIR") }
        return nil
    }

    /// The directories to look in, in order, each with where it came from.
    public func searchPath(dataDirectory: String?) -> [(directory: String, origin: String)] {
        if let (root, origin) = explicitDirectory(dataDirectory) {
            return [(root, origin), ((root as NSString).appendingPathComponent(name), origin)]
        }
        return [((homeDirectory as NSString).appendingPathComponent(".cache/dive/\(name)"), "user cache"),
                ("/usr/share/datasets/\(name)", "system datasets")]
    }

    /// The paths of `files` (names without `.gz`) in the first directory of the search path that
    /// holds all of them, each either plain or gzipped (the plain one preferred).
    ///
    /// - Throws: `DatasetError.missingFiles` when a folder was given explicitly and neither it nor
    ///   its `<name>` folder holds all the files (naming the missing ones);
    ///   `DatasetError.notFound` otherwise, listing every place looked at and how to get the data.
    public func locate(_ files: [String], dataDirectory: String? = nil) throws(DatasetError) -> [String] {
        let places = searchPath(dataDirectory: dataDirectory)
        let found = places.map { place in files.map { existingFile(named: $0, in: place.directory) } }
        if let complete = found.first(where: { !$0.contains(nil) }) { return complete.compactMap { $0 } }
        if let (root, origin) = explicitDirectory(dataDirectory) {
            // Name what is missing where most of the files are.
            let best = found.indices.max { found[$0].compactMap { $0 }.count < found[$1].compactMap { $0 }.count }!
            let missing = zip(files, found[best]).filter { $0.1 == nil }.map(\.0)
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) && isDirectory.boolValue
            throw .missingFiles(dataset: name, directory: exists ? places[best].directory : root, origin: origin,
                                missing: exists ? missing : files, folderExists: exists)
        }
        throw .notFound(dataset: name, files: files,
                        searched: places.map { "\($0.directory) (\($0.origin))" } + ["$DIVE_DATA_DIR is not set"],
                        remedies: remedies)
    }

    /// The path of `file` or `file.gz` in `directory` when it exists, the plain one preferred.
    private func existingFile(named file: String, in directory: String) -> String? {
        let plain = (directory as NSString).appendingPathComponent(file)
        return [plain, plain + ".gz"].first { FileManager.default.fileExists(atPath: $0) }
    }
}

/// A dataset that could not be found.
public enum DatasetError: Error, Equatable, CustomStringConvertible {
    /// None of the `searched` places holds all of `files`; `remedies` say how to get them.
    case notFound(dataset: String, files: [String], searched: [String], remedies: [String])
    /// The folder given by `origin` (`--data-dir` or `$DIVE_DATA_DIR`) does not exist, or lacks
    /// the `missing` files; no other folder is looked at.
    case missingFiles(dataset: String, directory: String, origin: String, missing: [String], folderExists: Bool)
    /// The training and test images differ in size, or are empty.
    case imageSizeMismatch(trainFile: String, trainSize: [Int], testFile: String, testSize: [Int])

    public var description: String {
        switch self {
        case let .notFound(dataset, files, searched, remedies):
            let wanted = files.map { $0 + "[.gz]" }.joined(separator: ", ")
            let ways = remedies + ["point --data-dir or $DIVE_DATA_DIR at a folder holding the files"]
            return (["\(dataset) not found: no folder holds all of \(wanted). Looked in:"]
                + searched.map { "  \($0)" }
                + ["Get it with " + ways.joined(separator: ", or ") + "."]).joined(separator: "\n")
        case let .missingFiles(dataset, directory, origin, missing, folderExists):
            if !folderExists {
                return "\(dataset): the folder \(directory) given by \(origin) does not exist"
            }
            let names = missing.map { $0 + "[.gz]" }.joined(separator: ", ")
            return "\(dataset): \(directory) (given by \(origin)) has no \(names); "
                + "no other folder is looked in when \(origin) is given"
        case let .imageSizeMismatch(trainFile, trainSize, testFile, testSize):
            return "\(trainFile) holds images of \(size(trainSize)) but \(testFile) holds images of \(size(testSize)); "
                + "the training and test images must have the same size"
        }
    }
}

private func size(_ dimensions: [Int]) -> String { dimensions.map(String.init).joined(separator: "×") }
