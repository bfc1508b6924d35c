import DiveCore
import Foundation
import DiveData
import DiveNN
import DiveOptim
import Testing
@testable import DiveTrain
import DiveTestSupport

@Suite struct TrainingLoopTests {
    @Test func theBooksExplicitLoopTrainsWithThePublicAPIAlone() {
        let model = blobClassifier()
        let optimizer = SGD(parameters: model.parameters, learningRate: 0.1)
        let loader = DataLoader(Blobs(count: 300, seed: 1), batchSize: 32)
        let before = evaluate(model, on: DataLoader(Blobs(count: 300, seed: 1), batchSize: 100, shuffle: false))
        for _ in 0..<5 {
            for batch in loader {
                let l = crossEntropy(logits: model(batch.inputs), labels: batch.labels)
                l.backward()
                optimizer.step()
                optimizer.zeroGrad()
            }
        }
        let after = evaluate(model, on: DataLoader(Blobs(count: 300, seed: 1), batchSize: 100, shuffle: false))
        #expect(after.loss < before.loss / 2)
        #expect(after.accuracy > 0.9)
    }

    @Test func fitReachesHighAccuracyOnASyntheticProblem() throws {
        let model = blobClassifier()
        let history = try fit(model, optimizer: SGD(parameters: model.parameters, learningRate: 0.5),
                              train: DataLoader(Blobs(count: 600, seed: 1), batchSize: 32, seed: 3),
                              validation: DataLoader(Blobs(count: 300, seed: 2), batchSize: 100, shuffle: false),
                              epochs: 10)
        #expect(history.epochs.map(\.epoch) == Array(1...10))
        let last = try #require(history.last)
        #expect(last.trainAccuracy > 0.95)
        #expect(try #require(last.testAccuracy) > 0.95)
        #expect(last.trainLoss < history.epochs[0].trainLoss)
        #expect(history.epochs.allSatisfy { $0.seconds >= 0 })
    }

    @Test func fitWithoutValidationHasNoTestFigures() throws {
        let model = blobClassifier()
        let history = try fit(model, optimizer: SGD(parameters: model.parameters, learningRate: 0.1),
                              train: DataLoader(Blobs(count: 60, seed: 1), batchSize: 32), epochs: 2)
        #expect(history.epochs.count == 2)
        #expect(history.epochs.allSatisfy { $0.testLoss == nil && $0.testAccuracy == nil })
    }

    @Test func fitTrainsInTrainingModeAndEvaluatesInEvaluationMode() throws {
        let probe = ModeProbe()
        let model = Sequential(probe, blobClassifier())
        model.eval()
        _ = try fit(model, optimizer: SGD(parameters: model.parameters, learningRate: 0.1),
                    train: DataLoader(Blobs(count: 64, seed: 1), batchSize: 32),
                    validation: DataLoader(Blobs(count: 30, seed: 2), batchSize: 30, shuffle: false), epochs: 1)
        #expect(probe.modes == [true, true, false])
    }

    @Test func fitReportsTheEpochAndBatchWhereTheLossDiverges() throws {
        let model = blobClassifier()
        let optimizer = SGD(parameters: model.parameters, learningRate: 1e30)
        #expect {
            try fit(model, optimizer: optimizer, train: DataLoader(Blobs(count: 600, seed: 1), batchSize: 32), epochs: 3)
        } throws: { error in
            guard case let .nonFiniteLoss(epoch, batch, loss, learningRate) = error as? TrainingError else { return false }
            let message = "\(error)"
            return epoch == 1 && batch > 1 && !loss.isFinite && learningRate == 1e30
                && message.contains("epoch 1, batch \(batch)") && message.contains("smaller learning rate")
        }
    }

    @Test func fitCallsEveryCallbackInOrderAtEachMoment() throws {
        let model = blobClassifier()
        let log = EventLog()
        _ = try fit(model, optimizer: SGD(parameters: model.parameters, learningRate: 0.1),
                    train: DataLoader(Blobs(count: 60, seed: 1), batchSize: 32), epochs: 2,
                    callbacks: [Recorder(name: "a", log: log), Recorder(name: "b", log: log)])
        let epoch = { (n: Int) in ["start \(n)", "batch 32", "batch 28", "end \(n)"].flatMap { ["a " + $0, "b " + $0] } }
        #expect(log.events == epoch(1) + epoch(2))
    }

    @Test func anErrorThrownAfterAnEpochStopsTraining() throws {
        let model = blobClassifier()
        var seen: [Int] = []
        #expect(throws: CocoaError.self) {
            try fit(model, optimizer: SGD(parameters: model.parameters, learningRate: 0.1),
                    train: DataLoader(Blobs(count: 60, seed: 1), batchSize: 32), epochs: 3,
                    callbacks: [LambdaCallback(epochFinished: { record in
                        seen.append(record.epoch)
                        if record.epoch == 2 { throw CocoaError(.fileWriteUnknown) }
                    })])
        }
        #expect(seen == [1, 2])
    }

    @Test func fitTrainsARegressionModelOnTargets() throws {
        var generator = RandomGenerator(seed: 0)
        let data = syntheticLinearData(weights: Tensor([2, -3.4]), bias: 4.2, count: 1000, using: &generator)
        let net = Linear(inputSize: 2, outputSize: 1, generator: &generator)
        let history = try fit(net, loss: { mseLoss($0, $1) }, optimizer: SGD(parameters: net.parameters, learningRate: 0.03),
                              train: DataLoader(data, batchSize: 10, seed: 1),
                              validation: DataLoader(data, batchSize: 100, shuffle: false), epochs: 3)
        #expect(history.epochs.count == 3)
        #expect(history.epochs.allSatisfy { $0.trainAccuracy.isNaN && $0.testAccuracy?.isNaN == true })
        #expect(history.epochs[0].trainLoss > 1, "the first epoch starts far from the answer")
        let last = try #require(history.last?.testLoss)
        #expect(last < 2e-4, "near the noise floor, 0.01² = 1e-4")
        expectClose(net.weight.value.scalars, [2, -3.4], tolerance: 0.01)
        expectClose(net.bias!.value.scalars, [4.2], tolerance: 0.01)
    }
}

/// Events in the order callbacks saw them.
private final class EventLog { var events: [String] = [] }

/// Writes what `fit` tells it to a log, as short strings.
private struct Recorder: Callback {
    let name: String
    let log: EventLog
    func epochStarted(_ epoch: Int, of epochs: Int, batchCount: Int) { log.events.append("\(name) start \(epoch)") }
    func batchFinished(loss: Double, examples: Int) { log.events.append("\(name) batch \(examples)") }
    func epochFinished(_ record: EpochRecord, of epochs: Int) throws { log.events.append("\(name) end \(record.epoch)") }
}
