import Testing
@testable import DiveTrain

/// Collects what a progress display writes.
final class RecordingOutput: ProgressOutput {
    let isTerminal: Bool
    var text = ""
    init(isTerminal: Bool) { self.isTerminal = isTerminal }
    func write(_ text: String) { self.text += text }
}

@Suite struct ProgressTests {
    let record = EpochRecord(epoch: 2, trainLoss: 0.41234, trainAccuracy: 0.85, testLoss: 0.45,
                             testAccuracy: 0.84, seconds: 2)

    func run(on output: RecordingOutput) {
        let display = ProgressDisplay(output: output, redrawInterval: .zero)
        display.epochStarted(2, of: 10, batchCount: 2)
        display.batchFinished(loss: 0.5, examples: 100)
        display.batchFinished(loss: 0.3, examples: 100)
        display.epochFinished(record, of: 10)
    }

    @Test func plainOutputWritesOneLinePerEpoch() {
        let output = RecordingOutput(isTerminal: false)
        run(on: output)
        #expect(output.text == "epoch 2/10  train loss 0.4123  train acc 0.8500  test loss 0.4500  test acc 0.8400"
            + "  2.0 s (100 examples/s)\n")
    }

    @Test func terminalOutputDrawsALiveBarWithLossAndThroughput() {
        let output = RecordingOutput(isTerminal: true)
        run(on: output)
        #expect(output.text.contains("\r\u{1B}[Kepoch 2/10 [============            ] 1/2  loss 0.5000"))
        #expect(output.text.contains("[========================] 2/2  loss 0.4000"))
        #expect(output.text.contains("examples/s"))
        #expect(output.text.hasSuffix("test acc 0.8400  2.0 s (100 examples/s)\n"))
    }

    @Test func footerIsDrawnUnderTheEpochLinesAndReplacedEachEpoch() {
        let output = RecordingOutput(isTerminal: true)
        let display = ProgressDisplay(output: output, redrawInterval: .zero)
        display.showFooter(["chart 1", "line 2"])
        #expect(output.text == "\r\u{1B}[Kchart 1\nline 2\n")
        output.text = ""
        display.epochStarted(1, of: 1, batchCount: 1)
        display.epochFinished(record, of: 10)
        // The bar's line is cleared, the cursor moves up over the two footer lines and clears them.
        #expect(output.text.hasPrefix("\r\u{1B}[K\u{1B}[2A\u{1B}[Jepoch 2/10"))
        output.text = ""
        display.showFooter(["chart 2"])
        #expect(output.text == "\r\u{1B}[Kchart 2\n")
    }

    @Test func footerIsNotShownWhenTheOutputIsNotATerminal() {
        let output = RecordingOutput(isTerminal: false)
        let display = ProgressDisplay(output: output)
        display.showFooter(["chart"])
        display.epochFinished(record, of: 10)
        #expect(!output.text.contains("chart") && !output.text.contains("\u{1B}"))
    }
}
