import Dive
import Foundation
import Testing

/// The Swift examples of README.md, so that the README stays true (trained on a small subset here).
@Suite struct ReadmeExampleTests {
    @Test func theBooksTrainingLoopLearns() throws {
        let train = try FashionMNIST.load(.train).subset(0..<2048)
        let test = try FashionMNIST.load(.test).subset(0..<1024)

        // The README's `setRandomSeed(0)` would reseed the generator other tests draw from at the
        // same time; a scope seeded with 0 gives the same weights without touching it.
        let model = withRandomSeed(0) {
            let model = Sequential(Flatten(), Linear(inputSize: 784, outputSize: 256), ReLU(),
                                   Linear(inputSize: 256, outputSize: 10))
            model.initialize(weights: .normal(mean: 0, std: 0.01), biases: .zeros)
            return model
        }
        let optimizer = SGD(parameters: model.parameters, learningRate: 0.1)
        let loader = DataLoader(train, batchSize: 256, shuffle: true, seed: 0)

        var accuracy = 0.0
        for epoch in 0..<3 {
            for batch in loader.batches(forEpoch: epoch) {
                let loss = crossEntropy(logits: model(batch.inputs), labels: batch.labels)
                loss.backward()
                optimizer.step()
                optimizer.zeroGrad()
            }
            accuracy = evaluate(model, on: DataLoader(test, batchSize: 256, shuffle: false)).accuracy
        }
        // 24 small steps from N(0, 0.01²) weights: well above chance (0.1), far from the full run's 0.85.
        #expect(accuracy > 0.5)
    }

    @Test func gradientOfTwoXTransposeX() {
        let x = Tensor.arange(to: 4).requiringGrad()
        let y = 2 * (x * x).sum()
        y.backward()
        #expect(x.grad?.scalars == [0, 4, 8, 12])
        #expect(x.grad?.description == "Tensor([4], [0, 4, 8, 12])")
    }

    /// Every ```swift block of README.md, unchanged, type-checks as a program of its own against
    /// the library this build made (the same modules a package depending on Dive would import;
    /// `scripts/check-readme-package.sh` builds them in such a package, which takes minutes).
    @Test func everySwiftBlockTypeChecksAsItsOwnProgram() throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = readme.components(separatedBy: "```swift\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        #expect(blocks.count >= 3)
        let build = try diveBinary().deletingLastPathComponent()
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (number, block) in blocks.enumerated() {
            let file = folder.appendingPathComponent("block\(number + 1)/main.swift")
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try block.write(to: file, atomically: true, encoding: .utf8)
            let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), [
                "swiftc", "-typecheck", file.path, "-I", build.appendingPathComponent("Modules").path,
                "-I", packageRoot.appendingPathComponent("Sources/_DiveBLAS").path,
                "-I", packageRoot.appendingPathComponent("Sources/_DiveZlib").path,
                "-I", packageRoot.appendingPathComponent("Sources/_DiveDNNL").path,
                "-I", packageRoot.appendingPathComponent("Sources/_DiveCairo").path,
                "-I", build.appendingPathComponent("_DiveKernels.build").path,
            ] + cairoIncludeFlags())
            #expect(result.status == 0, "README block \(number + 1):\n\(block)\n\(result.standardError)")
        }
    }
}

/// cairo's header folders as `-Xcc -I…` flags, from pkg-config (empty where it is missing).
private func cairoIncludeFlags() throws -> [String] {
    let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["pkg-config", "--cflags-only-I", "cairo"])
    return result.standardOutput.split(separator: " ").flatMap { ["-Xcc", String($0).trimmingCharacters(in: .whitespacesAndNewlines)] }
}
