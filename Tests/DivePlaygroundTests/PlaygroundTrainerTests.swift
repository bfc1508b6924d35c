@testable import DivePlayground
import DiveTrain
import Testing

/// The engine trains Dive's own network: losses fall, the optimizers and losses chosen are the
/// ones used, divergence stops training with a message, and the export has PyTorch's names.
@Suite struct PlaygroundTrainerTests {
    static func trainer(_ hash: String) throws -> PlaygroundTrainer {
        PlaygroundTrainer(settings: try PlaygroundSettings(hash: hash))
    }

    @Test func defaultSetupLearnsTheCircle() throws {
        let trainer = try Self.trainer("dataset=circle&x=true&y=true&xSquared=true&ySquared=true")
        let before = trainer.metrics().test
        for _ in 0..<100 { trainer.trainEpoch() }
        let after = trainer.metrics().test
        #expect(trainer.epoch == 100)
        #expect(after.loss < before.loss / 2)
        #expect(after.accuracy! >= 0.95)
        #expect(trainer.lossHistory.count == 101)
    }

    @Test(arguments: ["sgd", "momentum", "adam"])
    func everyOptimizerLearnsXorWithCrossEntropy(optimizer: String) throws {
        let trainer = try Self.trainer("dataset=xor&xTimesY=true&loss=cross-entropy&optimizer=\(optimizer)&learningRate=0.01")
        for _ in 0..<40 { trainer.trainEpoch() }
        #expect(trainer.metrics().test.accuracy! >= 0.9)
    }

    @Test func regressionReportsNoAccuracy() throws {
        let trainer = try Self.trainer("problem=regression&regDataset=reg-plane")
        for _ in 0..<20 { trainer.trainEpoch() }
        let metrics = trainer.metrics()
        #expect(metrics.test.accuracy == nil && metrics.test.confusion == nil)
        #expect(metrics.test.loss < 0.01)
    }

    @Test func confusionCountsEveryTestPoint() throws {
        let trainer = try Self.trainer("dataset=gauss")
        for _ in 0..<5 { trainer.trainEpoch() }
        let test = trainer.metrics().test
        let confusion = try #require(test.confusion)
        #expect(confusion.flatMap { $0 }.reduce(0, +) == trainer.test.count)
        #expect(abs(Float(confusion[0][0] + confusion[1][1]) / Float(trainer.test.count) - test.accuracy!) < 1e-6)
    }

    @Test func learningRateTenDivergesWithAMessageAndStops() throws {
        let trainer = try Self.trainer("dataset=spiral&learningRate=10&activation=relu&networkShape=8,8,8,8"
                                       + "&x=true&y=true&xSquared=true&ySquared=true&sinX=true&sinY=true&problem=regression&regDataset=reg-gauss")
        var epochs = 0
        while trainer.trainEpoch() && epochs < 200 { epochs += 1 }
        let message = try #require(trainer.divergence)
        #expect(message.hasPrefix("loss became "))
        #expect(message.hasSuffix("at epoch \(trainer.epoch): lower the learning rate"))
        #expect(!trainer.trainEpoch())        // paused for good until a reset
        trainer.reset()
        #expect(trainer.divergence == nil && trainer.epoch == 0)
    }

    @Test func stopConditionMetAtTheEpoch() throws {
        let trainer = try Self.trainer("stopEpoch=3")
        trainer.trainEpoch()
        trainer.trainEpoch()
        #expect(!trainer.stopConditionMet)
        trainer.trainEpoch()
        #expect(trainer.stopConditionMet)
    }

    @Test func initZeroStartsEveryWeightAtZeroAndBiasesAtATenth() throws {
        let trainer = try Self.trainer("initZero=true")
        let (weights, biases) = trainer.network.weights
        #expect(weights.flatMap { $0.flatMap { $0 } }.allSatisfy { $0 == 0 })
        #expect(biases.flatMap { $0 }.allSatisfy { $0 == 0.1 })
    }

    @Test func regularizationShrinksWeights() throws {
        let plain = try Self.trainer("dataset=gauss")
        let penalised = try Self.trainer("dataset=gauss&regularization=L2&regularizationRate=0.3")
        for _ in 0..<30 { plain.trainEpoch(); penalised.trainEpoch() }
        let size = { (t: PlaygroundTrainer) in t.network.weights.weights.flatMap { $0.flatMap { $0 } }.map { $0 * $0 }.reduce(0, +) }
        #expect(size(penalised) < size(plain) / 2)
    }

    @Test func dropoutAppearsInTheModelOnlyWhereAsked() throws {
        let trainer = try Self.trainer("networkShape=4,2&dropout=0.5,0")
        #expect(String(describing: trainer.network.model).contains("Dropout(probability: 0.5)"))
        #expect(trainer.network.model.namedParameters.map(\.name) == ["0.weight", "0.bias", "3.weight", "3.bias",
                                                                      "5.weight", "5.bias"])
    }

    @Test func changingTheLearningRateKeepsTheWeights() throws {
        let trainer = try Self.trainer("")
        trainer.trainEpoch()
        let weights = trainer.network.weights.weights
        trainer.apply(try trainer.settings.setting("learningRate", to: "0.3"))
        #expect(trainer.network.weights.weights == weights && trainer.epoch == 1)
        trainer.apply(try trainer.settings.setting("networkShape", to: "3"))
        #expect(trainer.epoch == 0 && trainer.network.weights.weights.count == 2)
    }

    @Test func setWeightChangesOneLinkAndRefusesMissingOnes() throws {
        let trainer = try Self.trainer("")
        #expect(trainer.setWeight(layer: 1, to: 1, from: 3, value: 2.5))
        #expect(trainer.network.weights.weights[1][1][3] == 2.5)
        #expect(!trainer.setWeight(layer: 1, to: 2, from: 0, value: 1))
        #expect(!trainer.setWeight(layer: 3, to: 0, from: 0, value: 1))
    }

    @Test func safetensorsExportHasPyTorchNamesAndShapes() throws {
        let trainer = try Self.trainer("networkShape=8,8,8&xSquared=true")
        let file = try Safetensors(decoding: trainer.safetensors(), file: "playground.safetensors")
        #expect(file.tensors.map(\.name) == ["0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias",
                                             "6.weight", "6.bias"])
        #expect(file["0.weight"]?.shape == [8, 3])
        #expect(file["6.weight"]?.shape == [1, 8])
        #expect(file.metadata["dive.playground.hash"] == trainer.settings.hash)
        let snippet = trainer.pythonSnippet()
        #expect(snippet.contains("nn.Linear(3, 8),\n    nn.Tanh(),"))
        #expect(snippet.contains("nn.Linear(8, 1),\n    nn.Tanh(),\n)"))
        #expect(snippet.contains("torch.stack([x1, x2, x1 ** 2], dim=-1)"))
    }

    @Test func ownDataReplacesTheGeneratedPoints() throws {
        let trainer = try Self.trainer("")
        trainer.useOwnData((0..<10).map { DataPoint(x: Float($0) - 5, y: 0, label: $0 < 5 ? -1 : 1) })
        #expect(trainer.train.count == 5 && trainer.test.count == 5 && trainer.ownData)
        trainer.addPoint(DataPoint(x: 1, y: 1, label: 1))
        #expect(trainer.train.count == 6)
        trainer.trainEpoch()
        #expect(trainer.epoch == 1)
        trainer.apply(try trainer.settings.setting("dataset", to: "xor"))
        #expect(!trainer.ownData && trainer.train.count == 250)
    }
}
