import DiveExamples
import Foundation
import Testing

@Suite struct ExampleResultTests {
    @Test func jsonKeepsTheOrderOfTheEntries() {
        var result = ExampleResult()
        result["zeta"] = .integer(3)
        result["alpha"] = .numbers([Float(0.5), 0.25])
        result["middle"] = .flag(true)
        #expect(result.json() == #"{"zeta":3,"alpha":[0.5,0.25],"middle":true}"#)
    }

    @Test func settingAKeyAgainReplacesItInPlaceAndNilRemovesIt() {
        var result = ExampleResult()
        result["a"] = .integer(1)
        result["b"] = .integer(2)
        result["a"] = .text("one")
        #expect(result.entries.map(\.key) == ["a", "b"])
        #expect(result["a"] == .text("one"))
        result["a"] = nil
        #expect(result.entries.map(\.key) == ["b"])
        #expect(result["a"] == nil)
    }

    @Test func floatsAreWrittenWithTheirShortestDigitsAndNonFiniteAsNull() {
        var result = ExampleResult()
        result["float"] = .number(Double(Float(0.1)))
        result["double"] = .number(0.1)
        result["nan"] = .number(.nan)
        result["infinite"] = .numbers([Double.infinity])
        #expect(result.json() == #"{"float":0.1,"double":0.1,"nan":null,"infinite":[null]}"#)
    }

    @Test func textsAreEscaped() {
        var result = ExampleResult()
        result["text"] = .text("a \"quote\", a \\ and\na line\u{1}")
        #expect(result.json() == #"{"text":"a \"quote\", a \\ and\na line\u0001"}"#)
    }

    @Test func filesComeLastAndTheJSONParses() throws {
        var result = ExampleResult()
        result["labels"] = .texts(["coat", "bag"])
        result.files = ["out/loss.svg"]
        #expect(result.texts("labels") == ["coat", "bag"])
        let json = result.json()
        #expect(json.hasSuffix(#","files":["out/loss.svg"]}"#))
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["labels"] as? [String] == ["coat", "bag"])
    }

    @Test func numbersAreReadBackAsDoubles() {
        var result = ExampleResult()
        result["count"] = .integer(4)
        result["losses"] = .numbers([1.5, 2.5])
        result["mixed"] = .list([.number(1), .text("x")])
        #expect(result.number("count") == 4)
        #expect(result.numbers("losses") == [1.5, 2.5])
        #expect(result.numbers("mixed") == nil)
        #expect(result.texts("mixed") == nil)
        #expect(result.number("missing") == nil)
    }
}
