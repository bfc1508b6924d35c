import DiveCore
import DiveNN
import DiveOptim
import Foundation
import Testing
@testable import DiveTrain

@Suite struct TrainingCheckpointTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dive-checkpoint-\(UUID().uuidString)")

    func model(seed: UInt64) -> Sequential {
        var generator = RandomGenerator(seed: seed)
        return Sequential(Linear(inputSize: 3, outputSize: 4, generator: &generator), ReLU(),
                          Dropout(probability: 0.5, generator: RandomGenerator(seed: seed)), Linear(inputSize: 4, outputSize: 2, generator: &generator))
    }

    /// One Adam step on `network`, so that the optimizer has moments and a step count.
    func step(_ network: Sequential, _ optimizer: Adam) {
        crossEntropy(logits: network(Tensor.ones([5, 3])), labels: [0, 1, 0, 1, 1]).backward()
        optimizer.step()
        optimizer.zeroGrad()
    }

    @Test func writingAndReadingRestoresParametersOptimizerGeneratorsAndPosition() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = model(seed: 1)
        let optimizer = Adam(parameters: original.parameters, learningRate: 0.01)
        step(original, optimizer)
        let position = TrainingPosition(history: History(epochs: [EpochRecord(epoch: 1, trainLoss: 0.5, trainAccuracy: 0.75,
                                                                               seconds: 1.5)]),
                                        batchesDone: 3, totals: MetricTotals(lossSum: 1.5, correct: 2, examples: 3),
                                        seconds: 0.25)
        let path = folder.appendingPathComponent("checkpoint.safetensors").path
        try TrainingCheckpoint(model: original, optimizer: optimizer, position: position, metadata: ["run": "a"])
            .write(to: path)

        let read = try TrainingCheckpoint(contentsOf: path)
        #expect(read.training.position == position)
        #expect(read.metadata == ["run": "a"])
        let copy = model(seed: 2)
        let copyOptimizer = Adam(parameters: copy.parameters, learningRate: 0.01)
        try read.restore(into: copy, optimizer: copyOptimizer, from: path)
        #expect(copy.parameters.map(\.value.scalars) == original.parameters.map(\.value.scalars))
        #expect(copyOptimizer.state.mapValues(\.scalars) == optimizer.state.mapValues(\.scalars))

        // The same next step, Dropout mask included.
        step(original, optimizer)
        step(copy, copyOptimizer)
        #expect(copy.parameters.map(\.value.scalars) == original.parameters.map(\.value.scalars))
    }

    @Test func aPlainModelCheckpointIsNotATrainingCheckpoint() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("model.safetensors").path
        try model(seed: 1).saveCheckpoint(to: path)
        let error = #expect(throws: SafetensorsError.self) { try TrainingCheckpoint(contentsOf: path) }
        #expect(error?.description.contains("not a training checkpoint written by dive train") == true)
    }

    @Test func anotherArchitectureIsRefusedBeforeAnythingChanges() throws {
        let original = model(seed: 1)
        let optimizer = SGD(parameters: original.parameters, learningRate: 0.1, momentum: 0.9)
        let checkpoint = TrainingCheckpoint(model: original, optimizer: optimizer, position: TrainingPosition())
        var generator = RandomGenerator(seed: 3)
        let other = Sequential(Linear(inputSize: 3, outputSize: 5, generator: &generator), ReLU(),
                               Dropout(probability: 0.5), Linear(inputSize: 5, outputSize: 2, generator: &generator))
        let before = other.parameters.map(\.value.scalars)
        #expect(throws: CheckpointMismatch.self) {
            try checkpoint.restore(into: other, optimizer: SGD(parameters: other.parameters, learningRate: 0.1), from: "c")
        }
        #expect(other.parameters.map(\.value.scalars) == before)
    }
}
