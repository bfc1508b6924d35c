import ArgumentParser
import Dive
import DiveExamples
import Foundation

/// `dive example NAME`: runs one example of the book, printing what the book prints and
/// drawing its figures; `dive example --list` lists them.
struct ExampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "example",
        abstract: "Run an example of the book's linear-network and MLP chapters.",
        discussion: """
            Each example follows one section of Dive into Deep Learning with the book's settings \
            and seed, prints what the book prints and writes its figures (SVG and PNG) to --out, \
            by default runs/examples/NAME. With --json the key results are printed on stdout as \
            one JSON object, and everything else goes to stderr. `dive example --list` shows the \
            examples.
            """
    )

    @Argument(help: "The example to run (see --list).")
    var name: String?

    @Flag(help: "List the examples, one line each, and exit.")
    var list = false

    @Option(help: "Epochs to train instead of the book's.")
    var epochs: Int?

    @Option(help: ArgumentHelp("Train on only the first N training images (image examples).", valueName: "n"))
    var trainSize: Int?

    @Option(help: ArgumentHelp("Evaluate on only the first N test images (image examples).", valueName: "n"))
    var testSize: Int?

    @Option(help: ArgumentHelp("Hidden units instead of the book's (examples with a hidden layer).", valueName: "n"))
    var hidden: Int?

    @Option(help: "The random seed instead of the example's own.")
    var seed: UInt64?

    @Option(help: ArgumentHelp("Where figures go (default: runs/examples/NAME).", valueName: "dir"))
    var out: String?

    @Option(help: ArgumentHelp("Folder with the dataset files (default: the usual search order).", valueName: "dir"))
    var dataDir: String?

    @Flag(help: "Print the key results as one JSON object on stdout; other output goes to stderr.")
    var json = false

    func validate() throws {
        if list { return }
        guard let name else { throw ValidationError("name an example, or pass --list to see them") }
        guard let example = Examples.named(name) else {
            let close = Examples.names.filter { $0.hasPrefix(name) || (name.count >= 3 && $0.contains(name)) }
                .sorted { $0.count < $1.count }
            let hint = close.isEmpty ? "" : "did you mean \(close.joined(separator: " or "))? "
            throw ValidationError("unknown example '\(name)'; \(hint)known: \(Examples.names.joined(separator: ", "))")
        }
        for (option, value) in [("--epochs", epochs), ("--train-size", trainSize), ("--test-size", testSize),
                                ("--hidden", hidden)] {
            if let value, value < 1 { throw ValidationError("\(option): expected a positive number, got \(value)") }
        }
        if epochs != nil, example.defaultEpochs == nil {
            throw ValidationError("--epochs: \(name) trains nothing")
        }
        if trainSize != nil || testSize != nil, !example.usesImageData {
            throw ValidationError("--train-size and --test-size apply to the image examples; \(name) makes its own data")
        }
        if hidden != nil, example.defaultHiddenUnits == nil {
            throw ValidationError("--hidden: \(name) has no hidden layer to change")
        }
    }

    func run() throws {
        if list {
            let width = Examples.names.map(\.count).max() ?? 0
            for example in Examples.all {
                print(example.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + example.summary)
            }
            return
        }
        let example = Examples.named(name!)!
        let folder = out ?? "runs/examples/\(example.name)"
        try Self.checkWritable(folder)
        let options = ExampleOptions(
            epochs: epochs, trainingExamples: trainSize, testExamples: testSize, hiddenUnits: hidden,
            outputDirectory: folder, seed: seed, dataDirectory: dataDir,
            printer: json ? .standardError : .standardOutput)
        options.print("\(example.name): \(example.bookSection)")
        let result = try example.run(options)
        if json {
            print(result.json())
        } else if !result.files.isEmpty {
            print("figures: \(result.files.filter { $0.hasSuffix(".svg") }.joined(separator: ", ")) (and .png)")
        }
    }

    /// Creates `folder` when missing and checks that files can be written in it, so that an
    /// example fails before its work rather than when it saves its figures.
    static func checkWritable(_ folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CommandError("cannot create the output folder \(folder) (\(error.localizedDescription)); "
                               + "choose another with --out")
        }
        let probe = (folder as NSString).appendingPathComponent(".write-test-\(getpid())")
        guard FileManager.default.createFile(atPath: probe, contents: Data()) else {
            throw CommandError("the output folder \(folder) is not writable; choose another with --out")
        }
        try? FileManager.default.removeItem(atPath: probe)
    }
}
