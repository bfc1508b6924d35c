import DiveCore
import DiveData
import DiveNN
import DiveOptim
import Testing
@testable import DiveTrain

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

    @Test func fitCallsEpochFinishedAfterEveryEpoch() throws {
        let model = blobClassifier()
        var seen: [Int] = []
        _ = try fit(model, optimizer: SGD(parameters: model.parameters, learningRate: 0.1),
                    train: DataLoader(Blobs(count: 60, seed: 1), batchSize: 32), epochs: 3) { seen.append($0.epoch) }
        #expect(seen == [1, 2, 3])
    }
}
