/// One example of *Dive into Deep Learning*, written in Swift so that it reads like the book and
/// reproduces the book's results.
///
/// An example prints what the book prints (through ``ExampleOptions/print(_:)``), draws the
/// book's figures into ``ExampleOptions/outputDirectory`` and returns its key results, which
/// `dive example NAME --json` prints as one JSON object. Every example lives in one file written
/// as a tutorial: read it top to bottom next to the book's section.
///
/// ```swift
/// let example = Examples.named("linear-regression-scratch")!
/// let result = try example.run(ExampleOptions(epochs: 1))
/// print(result.json())
/// ```
public protocol Example: Sendable {
    /// The name `dive example` knows it by, such as `"linear-regression-scratch"`.
    var name: String { get }
    /// One line saying what the example does, for `dive example --list`.
    var summary: String { get }
    /// The section of the book it follows, numbered as in the book's PyTorch edition 0.17
    /// (for example `"3.2 Linear Regression Implementation from Scratch"`).
    var bookSection: String { get }
    /// The number of epochs the book trains for; nil for examples that train nothing.
    /// ``ExampleOptions/epochs`` replaces it.
    var defaultEpochs: Int? { get }
    /// The number of hidden units the example's network has by default; nil when there is no
    /// hidden layer whose width ``ExampleOptions/hiddenUnits`` may change.
    var defaultHiddenUnits: Int? { get }
    /// Whether the example reads Fashion-MNIST (or MNIST), so that
    /// ``ExampleOptions/trainingExamples`` and ``ExampleOptions/testExamples`` apply.
    var usesImageData: Bool { get }

    /// Runs the example with the book's settings, changed where `options` says so.
    ///
    /// - Returns: The key results, in the order the book presents them.
    /// - Throws: A `DatasetError` when the dataset is missing, a `PlotError` when a figure cannot
    ///   be written, or a `TrainingError` when training diverges.
    func run(_ options: ExampleOptions) throws -> ExampleResult
}

extension Example {
    /// No hidden width to change, unless the example says otherwise.
    public var defaultHiddenUnits: Int? { nil }
    /// No image data, unless the example says otherwise.
    public var usesImageData: Bool { false }
}
