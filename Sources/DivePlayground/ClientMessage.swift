import Foundation

/// A message the page sends over the WebSocket, as JSON with a `type`:
///
/// | type | fields | effect |
/// |---|---|---|
/// | `settings` | `hash` | the whole setup from a URL hash (on load and when the hash changes) |
/// | `set` | `name`, `value` (text) | one setting, by its hash name |
/// | `play`, `pause`, `step`, `reset`, `regenerate` | — | the controls |
/// | `addPoint` | `x`, `y`, `label` | one point of the user's own, added to the training data |
/// | `uploadCSV` | `text` | the user's own points, replacing the data |
/// | `setWeight` | `layer`, `to`, `from`, `value` | one weight (layer 0 leaves the features) |
enum ClientMessage: Equatable {
    case settings(hash: String)
    case set(name: String, value: String)
    case play, pause, step, reset, regenerate
    case addPoint(x: Float, y: Float, label: Float)
    case uploadCSV(text: String)
    case setWeight(layer: Int, to: Int, from: Int, value: Float)

    /// The message in `text`.
    ///
    /// - Throws: ``SettingsError`` (field `message`) for text that is not a JSON object, an
    ///   unknown type, or a field missing or of the wrong kind.
    init(text: String) throws(SettingsError) {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
            throw SettingsError(field: "message", expected: "a JSON object with a \"type\"", found: text)
        }
        guard let type = object["type"] as? String else {
            throw SettingsError(field: "message", expected: "a JSON object with a \"type\"", found: text)
        }
        func string(_ key: String) throws(SettingsError) -> String {
            guard let value = object[key] as? String else {
                throw SettingsError(field: "\(type).\(key)", expected: "text", found: "\(object[key] ?? "nothing")")
            }
            return value
        }
        func number(_ key: String) throws(SettingsError) -> Double {
            guard let value = object[key] as? NSNumber, value.doubleValue.isFinite else {
                throw SettingsError(field: "\(type).\(key)", expected: "a number", found: "\(object[key] ?? "nothing")")
            }
            return value.doubleValue
        }
        func index(_ key: String) throws(SettingsError) -> Int {
            let value = try number(key)
            guard value == value.rounded(), (0...64).contains(value) else {
                throw SettingsError(field: "\(type).\(key)", expected: "a whole number from 0 to 64", found: "\(value)")
            }
            return Int(value)
        }
        switch type {
        case "settings": self = .settings(hash: try string("hash"))
        case "set": self = .set(name: try string("name"), value: try string("value"))
        case "play": self = .play
        case "pause": self = .pause
        case "step": self = .step
        case "reset": self = .reset
        case "regenerate": self = .regenerate
        case "addPoint":
            self = .addPoint(x: Float(try number("x")), y: Float(try number("y")), label: Float(try number("label")))
        case "uploadCSV": self = .uploadCSV(text: try string("text"))
        case "setWeight":
            self = .setWeight(layer: try index("layer"), to: try index("to"), from: try index("from"),
                              value: Float(try number("value")))
        default:
            throw SettingsError(field: "message", expected: "a type among settings, set, play, pause, step, reset, "
                                + "regenerate, addPoint, uploadCSV, setWeight", found: type)
        }
    }
}
