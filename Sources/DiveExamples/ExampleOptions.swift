import Foundation

/// What a run of an example may change from the book's settings, and where its output goes.
///
/// Every field is optional: `ExampleOptions()` runs the book's example as printed, with its seed,
/// printing to standard output and writing no figures.
public struct ExampleOptions: Sendable {
    /// Epochs to train instead of the book's number (every training run of the example uses it);
    /// nil for the book's. Must be positive.
    public var epochs: Int?
    /// Train on only the first `trainingExamples` images of the training set; nil for all
    /// 60 000. Applies to the examples on Fashion-MNIST or MNIST; must be positive.
    public var trainingExamples: Int?
    /// Evaluate on only the first `testExamples` images of the test set; nil for all 10 000.
    /// Must be positive.
    public var testExamples: Int?
    /// The width of the hidden layers instead of the book's, for examples that have a
    /// ``Example/defaultHiddenUnits``; nil for the book's.
    public var hiddenUnits: Int?
    /// The folder the example's figures are written to (created when missing); nil for none.
    public var outputDirectory: String?
    /// The seed of every random draw (data, initial weights, batch order, dropout masks);
    /// nil for the example's own seed.
    public var seed: UInt64?
    /// Where to look for the datasets first; nil for the usual search path
    /// (`$DIVE_DATA_DIR`, `~/.cache/dive/NAME`, `/usr/share/datasets/NAME`).
    public var dataDirectory: String?
    /// Where the example's printed lines go; standard output by default.
    public var printer: ExamplePrinter

    /// Options with the given changes; see each property for its meaning.
    public init(epochs: Int? = nil, trainingExamples: Int? = nil, testExamples: Int? = nil,
                hiddenUnits: Int? = nil, outputDirectory: String? = nil, seed: UInt64? = nil,
                dataDirectory: String? = nil, printer: ExamplePrinter = .standardOutput) {
        self.epochs = epochs
        self.trainingExamples = trainingExamples
        self.testExamples = testExamples
        self.hiddenUnits = hiddenUnits
        self.outputDirectory = outputDirectory
        self.seed = seed
        self.dataDirectory = dataDirectory
        self.printer = printer
    }

    /// Prints one line the way the book's `print` does, to ``printer``.
    public func print(_ line: String) { printer.write(line) }

    /// `epochs` when set, else the book's `bookEpochs`. Traps when `epochs` is not positive.
    func epochs(default bookEpochs: Int) -> Int {
        guard let epochs else { return bookEpochs }
        precondition(epochs > 0, "ExampleOptions: epochs must be positive, got \(epochs)")
        return epochs
    }

    /// `seed` when set, else the example's `exampleSeed`.
    func seed(default exampleSeed: UInt64) -> UInt64 { seed ?? exampleSeed }
}

/// Where an example's printed lines go: a terminal stream, or anything else a caller wants.
public struct ExamplePrinter: Sendable {
    /// Receives one line at a time, without its newline.
    public let write: @Sendable (String) -> Void

    /// A printer that hands every line to `write`.
    public init(_ write: @escaping @Sendable (String) -> Void) { self.write = write }

    /// Lines go to standard output.
    public static let standardOutput = ExamplePrinter { Swift.print($0) }
    /// Lines go to standard error (used with `--json`, which keeps standard output for the result).
    public static let standardError = ExamplePrinter { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
    /// Lines are dropped.
    public static let silent = ExamplePrinter { _ in }
}
