import Testing

@Suite struct PredictCommandTests {
    @Test func printsTrueAndPredictedLabelsOfTheFirstTestImages() throws {
        let run = try TrainedRun.shared.get()
        let result = try dive("predict", "--checkpoint", run.checkpoint, "--count", "5")
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 7)
        #expect(lines.first?.hasPrefix("index  true") == true)
        // The first five Fashion-MNIST test images.
        let truth = ["ankle boot", "pullover", "trouser", "trouser", "shirt"]
        for (line, label) in zip(lines[1...5], truth) {
            #expect(line.lowercased().contains(label))
        }
        #expect(lines.last?.hasSuffix("of 5 correct") == true)
    }

    @Test func aNonPositiveCountIsRejected() throws {
        let result = try dive("predict", "--checkpoint", "model.safetensors", "--count", "0")
        #expect(result.status == 1)
        #expect(result.standardError.contains("--count"))
    }
}
