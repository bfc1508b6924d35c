import ArgumentParser
import Dive
import Foundation

/// `dive train --resume DIR`: the command line of the run in DIR, read back from its checkpoint.
extension TrainCommand {
    /// Options that belong to one invocation rather than to the run: they may be given with
    /// `--resume` (`--epochs` to train further), and are not saved with the run.
    static let perInvocationOptions: Set<String> = ["--resume", "--out", "--threads", "--json", "--epochs"]
    /// The options of `dive train` that take no value.
    static let flags: Set<String> = ["--no-shuffle", "--json"]
    /// The metadata key under which a checkpoint keeps the run's arguments (a JSON array).
    static let argumentsKey = "arguments"

    /// The arguments of this process after `dive train`, as typed.
    static var givenArguments: [String] {
        let all = ProcessInfo.processInfo.arguments
        guard all.count > 1, all[1] == "train" else { return [] }
        return Array(all.dropFirst(2))
    }

    /// The given arguments without those in `names`, each option with its value.
    static func arguments(_ arguments: [String], removing names: Set<String>) -> [String] {
        var kept: [String] = []
        var index = 0
        while index < arguments.count {
            let token = arguments[index]
            let name = String(token.split(separator: "=", maxSplits: 1).first ?? "")
            let takesNextValue = token.hasPrefix("--") && !token.contains("=") && !flags.contains(name)
            let count = takesNextValue ? 2 : 1
            if !names.contains(name) { kept += arguments[index..<min(index + count, arguments.count)] }
            index += count
        }
        return kept
    }

    /// The command of the run saved in `directory`, with this invocation's `--epochs`,
    /// `--threads` and `--json` (the saved epochs and threads when not given), and the
    /// checkpoint to continue from.
    ///
    /// - Throws: When the checkpoint is missing or unreadable, when `--out` or an option that
    ///   differs from the saved run's is given, or when the run has no epochs left to train.
    func resumed(from directory: String) throws -> (command: TrainCommand, checkpoint: TrainingCheckpoint) {
        let path = (directory as NSString).appendingPathComponent(RunFolder.checkpointName)
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandError("--resume: \(path) does not exist; is \(directory) the folder of a dive train run?")
        }
        let checkpoint = try TrainingCheckpoint(contentsOf: path)
        guard let text = checkpoint.metadata[Self.argumentsKey],
              let saved = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) else {
            throw CommandError("\(path): no saved '\(Self.argumentsKey)' in the metadata; was it written by dive train?")
        }
        let given = Self.givenArguments
        if given.contains(where: { $0 == "--out" || $0.hasPrefix("--out=") }) {
            throw CommandError("--out cannot be given with --resume: the run continues in \(directory)")
        }
        var command = try Self.parse(saved + ["--out", directory] + Self.arguments(given, removing: ["--resume"]))
        try Self.checkNoConflicts(saved: Self.parse(saved), resumed: command, directory: directory)
        // The saved epochs and threads (the same thread count gives the same sums) unless given.
        func isGiven(_ option: String) -> Bool { given.contains { $0 == option || $0.hasPrefix(option + "=") } }
        if !isGiven("--epochs"), let epochs = Int(checkpoint.metadata["epochs"] ?? "") { command.epochs = epochs }
        if !isGiven("--threads"), let threads = Int(checkpoint.metadata["threads"] ?? "") { command.threads = threads }
        let done = checkpoint.training.position.completedEpochs
        guard command.epochs > done else {
            throw CommandError("--resume: the run in \(directory) has finished \(done) of \(command.epochs) epochs; "
                               + "pass --epochs N with N > \(done) to train further")
        }
        return (command, checkpoint)
    }

    /// The metadata key under which a checkpoint keeps the fingerprint of the run's data (JSON).
    static let dataKey = "data"

    /// Throws when the data just loaded is not the data the checkpoint's run trained on (other
    /// images or labels, or other counts), naming each difference.
    static func checkSameData(_ splits: DatasetSplits, as checkpoint: TrainingCheckpoint) throws {
        guard let text = checkpoint.metadata[dataKey] else { return }   // written before fingerprints existed
        guard let saved = DataFingerprint(json: text) else {
            throw CommandError("--resume: the checkpoint's '\(dataKey)' metadata is not a data fingerprint: \(text)")
        }
        let differences = splits.fingerprint.differences(from: saved)
        guard differences.isEmpty else {
            throw CommandError("--resume: the data in \(splits.directory) is not the data the run trained on: "
                               + differences.joined(separator: "; ")
                               + "; point --data-dir at the run's data (config.json records its folder)")
        }
    }

    /// Throws when an option given with `--resume` changes the saved run (anything but the
    /// per-invocation options), listing every difference.
    private static func checkNoConflicts(saved: TrainCommand, resumed: TrainCommand, directory: String) throws {
        let before = saved.savedOptions
        let after = Dictionary(resumed.savedOptions.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        let differences = before.filter { after[$0.name] != $0.value }
            .map { "\($0.name) \(after[$0.name] ?? "none") (saved: \($0.value))" }
        guard differences.isEmpty else {
            throw CommandError("--resume: options given that differ from the run in \(directory): "
                               + differences.joined(separator: ", ")
                               + "; leave them out to continue with the saved configuration (only --epochs, "
                               + "--threads and --json may change)")
        }
    }

    /// The run's options as name/value pairs, without the per-invocation ones: the
    /// configuration's fields, with the architecture's own fields in place of it.
    private var savedOptions: [(name: String, value: String)] {
        let architecture = model.architecture(inputs: 1, classes: 1)
        let ignored: Set<String> = ["architecture", "epochs", "threads", "version", "inputs", "classes"]
        return (RunFolder.pairs(of: configuration(.fashionMNIST, architecture)) + RunFolder.pairs(of: architecture))
            .filter { !ignored.contains($0.name) }
    }
}
