import Foundation

// The URL-hash form of the settings: `activation=tanh&batchSize=10&…`, with the TensorFlow
// Playground's names and values, so links copied from it open the same setup here.

extension PlaygroundSettings {
    /// The names of the page's controls that `<name>_hide=true` may hide.
    static let hideableControls = Set([
        "activation", "batchSize", "dataset", "regDataset", "learningRate", "regularization",
        "regularizationRate", "noise", "networkShape", "seed", "showTestData", "discretize",
        "percTrainData", "problem", "initZero", "numHiddenLayers", "playButton", "stepButton",
        "resetButton", "dataThumbnails", "loss", "optimizer", "dropout",
    ] + Feature.allCases.map(\.rawValue))

    /// Settings read from a URL hash (with or without its leading `#`), starting from the
    /// defaults; names the hash does not mention keep their default, unknown names are ignored
    /// (as the TensorFlow Playground does).
    ///
    /// - Throws: ``SettingsError`` naming the first field whose value is out of range.
    public init(hash: String) throws(SettingsError) {
        self.init()
        for (name, value) in Self.pairs(of: hash) {
            try apply(name: name, value: value)
        }
        try checkDropoutMatchesShape()
    }

    /// The settings with one field changed, checked as a whole.
    ///
    /// - Throws: ``SettingsError`` naming the field when the value is out of range.
    public func setting(_ name: String, to value: String) throws(SettingsError) -> PlaygroundSettings {
        var copy = self
        try copy.apply(name: name, value: value)
        if name == "networkShape" { copy.dropout = copy.networkShape.indices.map { $0 < dropout.count ? dropout[$0] : 0 } }
        try copy.checkDropoutMatchesShape()
        return copy
    }

    /// The URL hash (without `#`): the TensorFlow Playground's fields in its order (it leaves
    /// out `regularization` when there is none), then Dive's.
    public var hash: String {
        var fields: [(String, String)] = [("activation", activation.rawValue)]
        if regularization != .none { fields.append(("regularization", regularization.rawValue)) }
        fields += [
            ("batchSize", "\(batchSize)"), ("dataset", dataset.rawValue), ("regDataset", regDataset.rawValue),
            ("learningRate", Self.format(learningRate)), ("regularizationRate", Self.format(regularizationRate)),
            ("noise", "\(noise)"), ("networkShape", networkShape.map(String.init).joined(separator: ",")),
            ("seed", seed), ("showTestData", "\(showTestData)"), ("discretize", "\(discretize)"),
            ("percTrainData", "\(percTrainData)"),
        ]
        fields += Feature.hashOrder.map { ($0.rawValue, "\(features.contains($0))") }
        fields += [("collectStats", "false"), ("problem", problem.rawValue), ("initZero", "\(initZero)"),
                   ("hideText", "\(hideText)")]
        fields += [("loss", loss.rawValue), ("optimizer", optimizer.rawValue),
                   ("dropout", dropout.map(Self.format).joined(separator: ",")),
                   ("stopEpoch", "\(stopEpoch)"), ("stopLoss", Self.format(stopLoss))]
        fields += hidden.sorted().map { ("\($0)_hide", "true") }
        return fields.map { "\($0)=\(Self.escape($1))" }.joined(separator: "&")
    }

    /// Sets one field from its hash text, checking its range.
    mutating func apply(name: String, value: String) throws(SettingsError) {
        if name.hasSuffix("_hide") {
            let control = String(name.dropLast(5))
            guard Self.hideableControls.contains(control) else { return }
            if try Self.bool(value, field: name) { hidden.insert(control) } else { hidden.remove(control) }
            return
        }
        // As in the TensorFlow Playground, an empty value leaves the default (lists may be empty).
        if value.isEmpty, !["networkShape", "dropout"].contains(name) { return }
        if let feature = Feature(rawValue: name) {
            if try Self.bool(value, field: name) { features.insert(feature) } else { features.remove(feature) }
            return
        }
        switch name {
        case "activation": activation = try Self.choice(value, field: name)
        case "regularization": regularization = try Self.choice(value, field: name)
        case "problem": problem = try Self.choice(value, field: name)
        case "loss": loss = try Self.choice(value, field: name)
        case "optimizer": optimizer = try Self.choice(value, field: name)
        case "dataset":
            dataset = try Self.choice(value, field: name, among: DatasetKind.classification)
        case "regDataset":
            regDataset = try Self.choice(value, field: name, among: DatasetKind.regression)
        case "batchSize": batchSize = try Self.integer(value, field: name, in: 1...30)
        case "noise": noise = try Self.integer(value, field: name, in: 0...50)
        case "percTrainData": percTrainData = try Self.integer(value, field: name, in: 10...90)
        case "stopEpoch": stopEpoch = try Self.integer(value, field: name, in: 0...1_000_000)
        case "learningRate": learningRate = try Self.number(value, field: name, in: 0.00001...10)
        case "regularizationRate": regularizationRate = try Self.number(value, field: name, in: 0...10)
        case "stopLoss": stopLoss = try Self.number(value, field: name, in: 0...10)
        case "seed":
            guard value.count <= 40 else {
                throw SettingsError(field: name, expected: "text of 1 to 40 characters", found: value)
            }
            seed = value
        case "networkShape": networkShape = try Self.shape(value)
        case "dropout":
            let expected = "comma-separated probabilities from 0 to 0.9, one per hidden layer"
            let parts = value.isEmpty ? [] : value.split(separator: ",", omittingEmptySubsequences: false)
            dropout = try parts.map { (part: Substring) throws(SettingsError) -> Float in
                guard let p = Float(part), p >= 0, p <= 0.9 else {
                    throw SettingsError(field: name, expected: expected, found: value)
                }
                return p
            }
        case "showTestData": showTestData = try Self.bool(value, field: name)
        case "discretize": discretize = try Self.bool(value, field: name)
        case "initZero": initZero = try Self.bool(value, field: name)
        case "hideText": hideText = try Self.bool(value, field: name)
        default: return  // the TensorFlow Playground's `collectStats`, `tutorial`, … and unknown names
        }
    }

    /// At least one feature; a hash without `dropout` gets none on every layer, one with it
    /// needs one per layer.
    private mutating func checkDropoutMatchesShape() throws(SettingsError) {
        if features.isEmpty {
            throw SettingsError(field: "features", expected: "at least one input feature (x, y, xTimesY, …)", found: "none")
        }
        if dropout.count == networkShape.count { return }
        if dropout.allSatisfy({ $0 == 0 }) {
            dropout = Array(repeating: 0, count: networkShape.count)
            return
        }
        throw SettingsError(field: "dropout", expected: "one probability per hidden layer (\(networkShape.count))",
                            found: dropout.map(Self.format).joined(separator: ","))
    }

    static func pairs(of hash: String) -> [(String, String)] {
        let body = hash.hasPrefix("#") ? String(hash.dropFirst()) : hash
        return body.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            let value = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
            return (name, value)
        }
    }

    private static func shape(_ value: String) throws(SettingsError) -> [Int] {
        let expected = "0 to 6 comma-separated layer sizes from 1 to 8"
        if value.isEmpty { return [] }
        let parts = value.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= 6 else { throw SettingsError(field: "networkShape", expected: expected, found: value) }
        return try parts.map { (part: Substring) throws(SettingsError) -> Int in
            guard let size = Int(part), (1...8).contains(size) else {
                throw SettingsError(field: "networkShape", expected: expected, found: value)
            }
            return size
        }
    }

    private static func choice<T: RawRepresentable & CaseIterable>(_ value: String, field: String,
                                                                   among cases: [T]? = nil) throws(SettingsError) -> T
    where T.RawValue == String {
        let allowed = cases ?? Array(T.allCases)
        guard let choice = T(rawValue: value), allowed.contains(where: { $0.rawValue == value }) else {
            throw SettingsError(field: field, expected: "one of " + allowed.map(\.rawValue).joined(separator: ", "),
                                found: value)
        }
        return choice
    }

    private static func integer(_ value: String, field: String, in range: ClosedRange<Int>) throws(SettingsError) -> Int {
        guard let number = Int(value), range.contains(number) else {
            throw SettingsError(field: field, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)",
                                found: value)
        }
        return number
    }

    private static func number(_ value: String, field: String, in range: ClosedRange<Float>) throws(SettingsError) -> Float {
        guard let number = Float(value), number.isFinite, range.contains(number) else {
            throw SettingsError(field: field, expected: "a number from \(format(range.lowerBound)) to \(format(range.upperBound))",
                                found: value)
        }
        return number
    }

    private static func bool(_ value: String, field: String) throws(SettingsError) -> Bool {
        switch value {
        case "true": return true
        case "false": return false
        default: throw SettingsError(field: field, expected: "true or false", found: value)
        }
    }

    /// The shortest text that reads back as the same Float: `0.03`, `0.00001`, `10`.
    static func format(_ value: Float) -> String {
        if value == value.rounded(), abs(value) < 1e7 { return String(Int(value)) }
        let plain = String(format: "%.6f", Double(value)).replacingOccurrences(of: "0+$", with: "", options: .regularExpression)
        return Float(plain) == value ? plain : "\(value)"
    }

    private static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~,")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
