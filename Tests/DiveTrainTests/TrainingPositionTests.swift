import DiveCore
import Foundation
import DiveData
import DiveNN
import DiveOptim
import Testing
@testable import DiveTrain

@Suite struct TrainingPositionTests {
    /// A classifier with Dropout, so that a resumed run must also restore the masks' generator.
    func model() -> Sequential {
        var generator = RandomGenerator(seed: 4)
        return Sequential(Linear(inputSize: 2, outputSize: 16, generator: &generator), ReLU(),
                          Dropout(probability: 0.3, generator: RandomGenerator(seed: 9)), Linear(inputSize: 16, outputSize: 3, generator: &generator))
    }

    func loader() -> DataLoader<Blobs> { DataLoader(Blobs(count: 200, seed: 1), batchSize: 32, seed: 5) }

    @Test func aRunStoppedMidEpochAndResumedEndsWithTheSameWeightsAsAnUninterruptedOne() throws {
        let reference = model()
        let referenceOptimizer = Adam(parameters: reference.parameters, learningRate: 0.01)
        let expected = try fit(reference, optimizer: referenceOptimizer, train: loader(), epochs: 3)

        let first = model()
        let firstOptimizer = Adam(parameters: first.parameters, learningRate: 0.01)
        var batches = 0
        let error = #expect(throws: TrainingInterrupted.self) {
            try fit(first, optimizer: firstOptimizer, train: loader(), epochs: 3, callbacks: [LambdaCallback(shouldStop: {
                batches += 1
                return batches > 11                 // 7 batches per epoch: stop in the second
            })])
        }
        let position = try #require(error?.position)
        #expect(position.completedEpochs == 1 && position.batchesDone == 4)
        #expect(position.totals.examples == 4 * 32, "the four batches done of the second epoch")
        #expect(error?.description == "interrupted after epoch 1 batch 4")

        let checkpoint = TrainingCheckpoint(model: first, optimizer: firstOptimizer, position: position)
        let resumed = model()
        let resumedOptimizer = Adam(parameters: resumed.parameters, learningRate: 0.01)
        try checkpoint.restore(into: resumed, optimizer: resumedOptimizer, from: "memory")
        let history = try fit(resumed, optimizer: resumedOptimizer, train: loader(), epochs: 3, from: position)

        #expect(resumed.parameters.map(\.value.scalars) == reference.parameters.map(\.value.scalars))
        #expect(history.epochs.map(\.trainLoss) == expected.epochs.map(\.trainLoss))
        #expect(history.epochs.map(\.trainAccuracy) == expected.epochs.map(\.trainAccuracy))
    }

    @Test func aPositionAtAnEpochBoundaryStartsTheNextEpoch() throws {
        let network = model()
        let optimizer = SGD(parameters: network.parameters, learningRate: 0.1)
        let done = try fit(network, optimizer: optimizer, train: loader(), epochs: 2)
        let more = try fit(network, optimizer: optimizer, train: loader(), epochs: 3, from: TrainingPosition(history: done))
        #expect(more.epochs.map(\.epoch) == [1, 2, 3])
        #expect(Array(more.epochs.prefix(2)) == done.epochs)
    }

    @Test func aStopRequestedBeforeTheFirstBatchChangesNothing() throws {
        let network = model()
        let before = network.parameters.map(\.value.scalars)
        let error = #expect(throws: TrainingInterrupted.self) {
            try fit(network, optimizer: SGD(parameters: network.parameters, learningRate: 0.1), train: loader(),
                    epochs: 2, callbacks: [LambdaCallback(shouldStop: { true })])
        }
        #expect(error?.position.completedEpochs == 0 && error?.position.batchesDone == 0)
        #expect(error?.position.totals == MetricTotals())
        #expect(network.parameters.map(\.value.scalars) == before)
    }

    @Test func aPositionSavedWithUnnamedSumsIsStillRead() throws {
        let json = #"{"history":{"epochs":[]},"batches_done":4,"sums":[12.5,90,128],"seconds":1.5}"#
        let position = try JSONDecoder().decode(TrainingPosition.self, from: Data(json.utf8))
        #expect(position.totals == MetricTotals(lossSum: 12.5, correct: 90, examples: 128))
        #expect(position.batchesDone == 4 && position.seconds == 1.5)
        let written = String(decoding: try JSONEncoder().encode(position), as: UTF8.self)
        #expect(written.contains(#""totals":{"#) && !written.contains("sums"))
        #expect(try JSONDecoder().decode(TrainingPosition.self, from: Data(written.utf8)) == position)
        let short = #"{"history":{"epochs":[]},"batches_done":4,"sums":[12.5,90],"seconds":1.5}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(TrainingPosition.self, from: Data(short.utf8)) }
    }
}
