import Dive
import DiveExamples
import Foundation

/// Options for a test run: the book's settings unless changed, nothing printed, no figures.
func quietOptions(epochs: Int? = nil, trainingExamples: Int? = nil, testExamples: Int? = nil,
                  hiddenUnits: Int? = nil, outputDirectory: String? = nil, seed: UInt64? = nil) -> ExampleOptions {
    ExampleOptions(epochs: epochs, trainingExamples: trainingExamples, testExamples: testExamples,
                   hiddenUnits: hiddenUnits, outputDirectory: outputDirectory, seed: seed, printer: .silent)
}

/// Whether Fashion-MNIST is anywhere on the search path; the image examples' tests need it.
let fashionMNISTIsAvailable = (try? FashionMNIST.load(.test)) != nil

/// A fresh temporary folder path (not created), for an example's figures.
func temporaryFolder() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("dive-examples-\(UUID().uuidString)").path
}

/// Runs the example called `name`, which must exist.
func run(_ name: String, _ options: ExampleOptions) throws -> ExampleResult {
    guard let example = Examples.named(name) else { throw CocoaError(.featureUnsupported) }
    return try example.run(options)
}
