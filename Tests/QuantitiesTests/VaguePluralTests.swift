import GazetteCore
import Quantities
import Testing

/// An expected vague plural: span, bound, kind, unit and counted lemma.
struct ExpectedVague: CustomTestStringConvertible, Sendable {
    var sentence: String
    var span: String
    var min: String
    var max: String
    var kind: QuantityKind = .cardinal
    var unit: String? = nil
    var counted: String? = nil
    var testDescription: String { span }
}

@Suite("Vague plural quantities and spaced data-size symbols")
struct VaguePluralTests {
    @Test("Plural multipliers with no number are approximate ranges", arguments: [
        ExpectedVague(sentence: "Hundreds of people fled the town.", span: "Hundreds", min: "200", max: "1000", counted: "person"),
        ExpectedVague(sentence: "The strikes killed hundreds of civilians.", span: "hundreds", min: "200", max: "1000", counted: "civilian"),
        ExpectedVague(sentence: "Tens of thousands of refugees crossed.", span: "Tens of thousands", min: "20000", max: "100000", counted: "refugee"),
        ExpectedVague(sentence: "Thousands marched on Sunday.", span: "Thousands", min: "2000", max: "10000"),
        ExpectedVague(sentence: "Dozens of homes were destroyed.", span: "Dozens", min: "24", max: "120", counted: "home"),
        ExpectedVague(sentence: "It cost hundreds of millions of dollars.", span: "hundreds of millions of dollars",
                      min: "200000000", max: "1000000000", kind: .money, unit: "USD"),
        ExpectedVague(sentence: "They pledged billions of euros in aid.", span: "billions of euros",
                      min: "2000000000", max: "10000000000", kind: .money, unit: "EUR"),
    ])
    func vague(_ expected: ExpectedVague) throws {
        let found = try QuantityTestSupport.quantities(expected.sentence)
        let quantity = try #require(found.first { $0.text == expected.span }?.quantity, "found \(found.map(\.text))")
        #expect(quantity.kind == expected.kind)
        #expect(quantity.value == nil)
        #expect(quantity.unit == expected.unit)
        #expect(quantity.bound == QuantityBound(min: expected.min, max: expected.max, inclusive: nil, approximate: true))
        #expect(quantity.counted?.lemma == expected.counted)
        #expect(quantity.source.rule == "vague-plural")
    }

    @Test("Not vague plurals", arguments: [
        "Write the number in the tens column.",
        "Scores of fans waited outside.",
        "The Thousands Islands Bridge was closed.",
        "Three hundred people came.",
    ])
    func notVague(_ sentence: String) throws {
        let found = try QuantityTestSupport.quantities(sentence)
        #expect(!found.contains { $0.quantity.source.rule == "vague-plural" }, "found \(found.map(\.text))")
    }

    @Test("A number before a plural multiplier is read as before", arguments: [
        ("Three hundred people came.", "Three hundred", "300"),
        ("It sold two million copies.", "two million", "2000000"),
    ])
    func exactStaysExact(_ sentence: String, _ span: String, _ value: String) throws {
        let quantity = try QuantityTestSupport.find(Expected(sentence, span, .cardinal, value))
        #expect(quantity.bound == nil)
    }

    @Test("Capital data-size symbols after a spaced number", arguments: [
        Expected("The phone holds 5 GB of data.", "5 GB", .measure, "5", "GB"),
        Expected("It ships with a 2 TB drive.", "2 TB", .measure, "2", "TB"),
        Expected("The leak was 10 PB.", "10 PB", .measure, "10", "PB"),
    ])
    func dataSizes(_ expected: Expected) throws {
        try QuantityTestSupport.check(expected)
    }

    @Test("A data-size symbol before a capitalised word is not a unit")
    func dataSizeBeforeName() throws {
        let found = try QuantityTestSupport.quantities("The team sent 3 GB Olympians to Paris.")
        #expect(found.map(\.text) == ["3"])
    }
}
