@testable import DivePlayground
import Testing

/// The URL hash: a TensorFlow Playground link opens the same setup, every field round-trips,
/// and a bad value names its field and range.
@Suite struct PlaygroundSettingsTests {
    /// A link as playground.tensorflow.org writes it (spiral, 3 × 8 tanh, six features).
    static let spiralLink = "#activation=tanh&batchSize=10&dataset=spiral&regDataset=reg-plane&learningRate=0.03"
        + "&regularizationRate=0&noise=0&networkShape=8,8,8&seed=0.13497&showTestData=false&discretize=false"
        + "&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=true&ySquared=true&cosX=false&sinX=true"
        + "&cosY=false&sinY=true&collectStats=false&problem=classification&initZero=false&hideText=false"

    @Test func tensorFlowPlaygroundLinkOpensTheSameSetup() throws {
        let settings = try PlaygroundSettings(hash: Self.spiralLink)
        #expect(settings.dataset == .spiral)
        #expect(settings.networkShape == [8, 8, 8])
        #expect(settings.activation == .tanh)
        #expect(settings.features == [.x, .y, .xSquared, .ySquared, .sinX, .sinY])
        #expect(settings.seed == "0.13497")
        #expect(settings.learningRate == 0.03)
        #expect(settings.loss == .squared && settings.optimizer == .sgd)   // the TensorFlow Playground's training
        #expect(settings.dropout == [0, 0, 0])
    }

    @Test func defaultsAreTheTensorFlowPlaygroundsDefaults() throws {
        let settings = try PlaygroundSettings(hash: "")
        #expect(settings == PlaygroundSettings())
        // The TensorFlow Playground's own hash for its defaults, field for field, then Dive's fields.
        #expect(settings.hash.hasPrefix("activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane&learningRate=0.03"
            + "&regularizationRate=0&noise=0&networkShape=4,2&seed=0.00000&showTestData=false&discretize=false"
            + "&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false"
            + "&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false&loss=squared"))
        var l1 = settings
        l1.regularization = .L1
        #expect(l1.hash.hasPrefix("activation=tanh&regularization=L1&batchSize=10&"))
    }

    @Test func hashRoundTripsEveryField() throws {
        var settings = PlaygroundSettings()
        settings.activation = .relu
        settings.batchSize = 27
        settings.dataset = .xor
        settings.regDataset = .regGauss
        settings.problem = .regression
        settings.learningRate = 0.00001
        settings.regularization = .L1
        settings.regularizationRate = 0.003
        settings.noise = 35
        settings.networkShape = [1, 8, 3]
        settings.dropout = [0.1, 0, 0.5]
        settings.seed = "my seed & more"
        settings.showTestData = true
        settings.discretize = true
        settings.percTrainData = 70
        settings.features = [.cosX, .sinY, .xTimesY]
        settings.initZero = true
        settings.hideText = true
        settings.hidden = ["noise", "x"]
        settings.loss = .crossEntropy
        settings.optimizer = .adam
        settings.stopEpoch = 500
        settings.stopLoss = 0.05
        #expect(try PlaygroundSettings(hash: settings.hash) == settings)
        #expect(try PlaygroundSettings(hash: "#" + settings.hash) == settings)
    }

    @Test func zeroHiddenLayersRoundTrip() throws {
        let settings = try PlaygroundSettings(hash: "networkShape=&dropout=")
        #expect(settings.networkShape.isEmpty && settings.dropout.isEmpty)
        #expect(try PlaygroundSettings(hash: settings.hash) == settings)
    }

    @Test(arguments: [
        ("learningRate=abc", "learningRate", "a number from 0.00001 to 10"),
        ("learningRate=11", "learningRate", "a number from 0.00001 to 10"),
        ("batchSize=0", "batchSize", "a whole number from 1 to 30"),
        ("noise=51", "noise", "a whole number from 0 to 50"),
        ("percTrainData=95", "percTrainData", "a whole number from 10 to 90"),
        ("networkShape=4,9", "networkShape", "0 to 6 comma-separated layer sizes from 1 to 8"),
        ("networkShape=1,1,1,1,1,1,1", "networkShape", "0 to 6 comma-separated layer sizes from 1 to 8"),
        ("activation=softmax", "activation", "one of relu, tanh, sigmoid, linear"),
        ("dataset=reg-plane", "dataset", "one of circle, xor, gauss, spiral"),
        ("x=yes", "x", "true or false"),
        ("x=false&y=false", "features", "at least one input feature (x, y, xTimesY, …)"),
        ("dropout=0.95,0", "dropout", "comma-separated probabilities from 0 to 0.9, one per hidden layer"),
        ("dropout=0.1", "dropout", "one probability per hidden layer (2)"),
        ("regularizationRate=-1", "regularizationRate", "a number from 0 to 10"),
        ("seed=" + String(repeating: "7", count: 41), "seed", "text of 1 to 40 characters"),
    ])
    func badValueNamesItsFieldAndRange(hash: String, field: String, expected: String) {
        #expect(throws: SettingsError.self) { try PlaygroundSettings(hash: hash) }
        do {
            _ = try PlaygroundSettings(hash: hash)
        } catch {
            #expect(error.field == field)
            #expect(error.expected == expected)
            #expect(error.description.hasPrefix("\(field) must be \(expected), got"))
        }
    }

    @Test func unknownNamesAndEmptyValuesAreIgnoredAsTheTensorFlowPlaygroundDoes() throws {
        #expect(try PlaygroundSettings(hash: "tutorial=dp-reluplot&collectStats=true&junk&seed=&activation=") == PlaygroundSettings())
    }

    @Test func settingOneFieldKeepsTheOthersAndResizesDropout() throws {
        let settings = try PlaygroundSettings(hash: "dropout=0.2,0.1")
        let changed = try settings.setting("networkShape", to: "3,3,3")
        #expect(changed.networkShape == [3, 3, 3])
        #expect(changed.dropout == [0.2, 0.1, 0])
        #expect(throws: SettingsError(field: "learningRate", expected: "a number from 0.00001 to 10", found: "0")) {
            try settings.setting("learningRate", to: "0")
        }
    }

    @Test func hideFlagsHideNamedControlsOnly() throws {
        let settings = try PlaygroundSettings(hash: "noise_hide=true&bogus_hide=true")
        #expect(settings.hidden == ["noise"])
    }
}
