import Foundation

/// Where a ``ProgressDisplay`` writes: standard error by default, a buffer in tests.
public protocol ProgressOutput: AnyObject {
    /// Whether the output is an interactive terminal (so a live bar can redraw in place).
    var isTerminal: Bool { get }
    /// Writes `text` as is (no newline added).
    func write(_ text: String)
}

/// Standard error, unbuffered; a terminal when `isatty(2)` says so.
public final class StandardErrorOutput: ProgressOutput {
    /// Standard error of this process.
    public init() {}
    /// Whether standard error is a terminal.
    public var isTerminal: Bool { isatty(STDERR_FILENO) != 0 }
    /// Writes `text` to standard error at once.
    public func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}

/// Shows training progress: a live bar with the running loss and throughput when the output is a
/// terminal, and one plain line per epoch otherwise (logs, pipes, CI).
///
/// Call ``epochStarted(_:of:batchCount:)``, then ``batchFinished(loss:examples:)`` after each
/// batch, then ``epochFinished(_:of:)`` with the epoch's figures.
public final class ProgressDisplay {
    private let output: any ProgressOutput
    private let live: Bool
    private let redrawInterval: Duration
    private let clock = ContinuousClock()

    private var epoch = 0, totalEpochs = 0, batchCount = 0
    private var batch = 0, examples = 0, lossSum = 0.0
    private var epochStart = ContinuousClock.now
    private var lastDraw: ContinuousClock.Instant?
    /// Lines of the footer on screen under the epoch lines (live mode only).
    private var footerHeight = 0

    /// A display writing to `output`.
    ///
    /// - Parameters:
    ///   - output: Standard error by default.
    ///   - live: Whether to draw the live bar; by default, whether `output` is a terminal.
    ///   - redrawInterval: The least time between two redraws of the bar (0.1 s by default).
    public init(output: any ProgressOutput = StandardErrorOutput(), live: Bool? = nil,
                redrawInterval: Duration = .milliseconds(100)) {
        self.output = output
        self.live = live ?? output.isTerminal
        self.redrawInterval = redrawInterval
    }

    /// Starts epoch `epoch` (counting from 1) of `total`, which has `batchCount` batches.
    public func epochStarted(_ epoch: Int, of total: Int, batchCount: Int) {
        self.epoch = epoch
        totalEpochs = total
        self.batchCount = batchCount
        batch = 0
        examples = 0
        lossSum = 0
        epochStart = clock.now
        lastDraw = nil
    }

    /// Records a finished batch of `examples` examples with mean loss `loss`; redraws the bar.
    public func batchFinished(loss: Double, examples: Int) {
        batch += 1
        self.examples += examples
        lossSum += loss * Double(examples)
        guard live else { return }
        let now = clock.now
        if let lastDraw, now - lastDraw < redrawInterval, batch < batchCount { return }
        lastDraw = now
        output.write("\r\u{1B}[K" + barLine(now: now))
    }

    /// Ends the epoch with its figures: one line that stays on screen.
    public func epochFinished(_ record: EpochRecord, of total: Int) {
        var line = "epoch \(record.epoch)/\(total)  train loss \(format(record.trainLoss))"
            + "  train acc \(format(record.trainAccuracy))"
        if let loss = record.testLoss { line += "  test loss \(format(loss))" }
        if let accuracy = record.testAccuracy { line += "  test acc \(format(accuracy))" }
        line += "  " + String(format: "%.1f s", record.seconds)
        if record.seconds > 0, examples > 0 {
            line += " (\(rate(Double(examples) / record.seconds)) examples/s)"
        }
        output.write((live ? "\r\u{1B}[K" + eraseFooter() : "") + line + "\n")
    }

    /// Shows `lines` under the epoch lines, replacing the footer shown before (the live chart of
    /// `dive train`). The next epoch's line is written above it; on a non-terminal output
    /// (`live` false) nothing is shown.
    public func showFooter(_ lines: [String]) {
        guard live else { return }
        output.write("\r\u{1B}[K" + eraseFooter() + lines.map { $0 + "\n" }.joined())
        footerHeight = lines.count
    }

    /// The escape codes that move up over the footer and clear from there to the end of the screen.
    private func eraseFooter() -> String {
        defer { footerHeight = 0 }
        return footerHeight > 0 ? "\u{1B}[\(footerHeight)A\u{1B}[J" : ""
    }

    private func barLine(now: ContinuousClock.Instant) -> String {
        let width = 24
        let filled = batchCount > 0 ? min(width, width * batch / batchCount) : 0
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        let elapsed = (now - epochStart) / .seconds(1)
        var line = "epoch \(epoch)/\(totalEpochs) [\(bar)] \(batch)/\(batchCount)"
        if examples > 0 { line += "  loss \(format(lossSum / Double(examples)))" }
        if elapsed > 0 { line += "  \(rate(Double(examples) / elapsed)) examples/s" }
        return line
    }

    private func format(_ value: Double) -> String { String(format: "%.4f", value) }

    private func rate(_ value: Double) -> String {
        value >= 10_000 ? String(format: "%.1fk", value / 1000) : String(format: "%.0f", value)
    }
}
