import DiveCore
import DiveNN
import DiveOptim
import Foundation
import Testing
@testable import DiveTrain

/// A training checkpoint whose optimizer state or position cannot be resumed from is refused
/// when read, naming the tensor or field, instead of trapping when training resumes.
@Suite struct TrainingCheckpointValidationTests {
    /// The tensors and metadata of a valid checkpoint: a small model after one Adam step.
    static func validFile() -> Safetensors {
        var generator = RandomGenerator(seed: 3)
        let network = Sequential(Linear(inputSize: 3, outputSize: 2, generator: &generator))
        let optimizer = Adam(parameters: network.parameters, learningRate: 0.01)
        crossEntropy(logits: network(Tensor.ones([4, 3])), labels: [0, 1, 0, 1]).backward()
        optimizer.step()
        let checkpoint = TrainingCheckpoint(model: network, optimizer: optimizer,
                                            position: TrainingPosition(batchesDone: 2, totals: MetricTotals(lossSum: 1, correct: 2, examples: 8)))
        let tensors = checkpoint.parameters.map { (name: "model.\($0.name)", tensor: $0.tensor) }
            + checkpoint.optimizerState.map { (name: "optimizer.\($0.key)", tensor: $0.value) }
        let json = String(decoding: try! JSONEncoder().encode(checkpoint.training), as: UTF8.self)
        return Safetensors(tensors: tensors, metadata: [TrainingCheckpoint.trainingKey: json])
    }

    /// `file` with the tensor `name` replaced by `tensor`.
    static func replacing(_ name: String, with tensor: Tensor, in file: Safetensors) -> Safetensors {
        Safetensors(tensors: file.tensors.map { $0.name == name ? (name, tensor) : $0 }, metadata: file.metadata)
    }

    @Test func theValidFileReads() throws {
        _ = try TrainingCheckpoint(Self.validFile(), path: "valid")
    }

    @Test(arguments: [Float.nan, .infinity, -.infinity, 0, -3, 2.5, 1e30])
    func anAdamStepThatIsNotACountIsRefused(step: Float) throws {
        let file = Self.replacing("optimizer.0.step", with: Tensor(step), in: Self.validFile())
        #expect {
            try TrainingCheckpoint(file, path: "bad")
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("bad: tensor 'optimizer.0.step'") && (text.contains("must be finite")
                || text.contains("a step count must be one whole number from 1 to 16777216"))
        }
    }

    @Test func nonFiniteOrNegativeMomentsAreRefused() throws {
        let nan = Self.replacing("optimizer.0.exp_avg", with: Tensor([Float.nan, 0, 0, 0, 0, 0], shape: [2, 3]),
                                 in: Self.validFile())
        #expect(throws: SafetensorsError.invalidEntry(file: "bad", tensor: "optimizer.0.exp_avg",
                                                      reason: "holds nan; optimizer state must be finite")) {
            try TrainingCheckpoint(nan, path: "bad")
        }
        let negative = Self.replacing("optimizer.1.exp_avg_sq", with: Tensor([-1, 0]), in: Self.validFile())
        #expect(throws: SafetensorsError.self) { try TrainingCheckpoint(negative, path: "bad") }
    }

    /// Each replacement takes the place of the position's field of the same name (`sums`, the
    /// totals' older form, replaces `totals`).
    @Test(arguments: [
        (#""sums":[]"#, "expected 3 sums (loss sum, correct, examples), found 0"),
        (#""sums":[1,2]"#, "expected 3 sums (loss sum, correct, examples), found 2"),
        (#""sums":["nan",2,8]"#, "must be a finite loss sum ≥ 0 and two whole counts ≥ 0"),
        (#""sums":[1,1e300,8]"#, "must be a finite loss sum ≥ 0 and two whole counts ≥ 0"),
        (#""totals":{"correct":5,"examples":2,"loss_sum":1}"#, "position.totals has 5 correct of 2 examples"),
        (#""totals":{"correct":1,"examples":2,"loss_sum":"inf"}"#, "position.totals.loss_sum is inf"),
        (#""batches_done":-4"#, "position.batches_done is -4"),
        (#""seconds":"inf""#, "position.seconds is inf"),
    ])
    func aPositionThatCannotBeResumedIsRefused(replacement: String, message: String) throws {
        var file = Self.validFile()
        var json = file.metadata[TrainingCheckpoint.trainingKey]!
        let key = String(replacement.prefix { $0 != ":" })
        let pattern = key == #""sums""# || key == #""totals""# ? #""totals":\{[^}]*\}"# : key + #":[^,}]*"#
        let range = try #require(json.range(of: pattern, options: .regularExpression))
        json.replaceSubrange(range, with: replacement)
        file = Safetensors(tensors: file.tensors, metadata: [TrainingCheckpoint.trainingKey: json])
        #expect {
            try TrainingCheckpoint(file, path: "bad")
        } throws: { error in
            "\(error)".contains(message)
        }
    }
}
