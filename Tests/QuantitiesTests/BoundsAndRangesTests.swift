import GazetteCore
import Quantities
import Testing

/// An expected bound: span, value (nil for ranges) and bound.
struct ExpectedBound: CustomTestStringConvertible, Sendable {
    var sentence: String
    var span: String
    var value: String?
    var bound: QuantityBound
    var testDescription: String { span }
}

@Suite("Bounds, ranges and counted nouns")
struct BoundsAndRangesTests {
    @Test("Qualifiers and ranges", arguments: [
        ExpectedBound(sentence: "It may send as many as 10,000 troops.", span: "as many as 10,000", value: "10000",
                      bound: QuantityBound(max: "10000", inclusive: true, approximate: true)),
        ExpectedBound(sentence: "It cuts times by up to 40%.", span: "up to 40%", value: "40", bound: QuantityBound(max: "40", inclusive: true)),
        ExpectedBound(sentence: "It is worth more than $40bn.", span: "more than $40bn", value: "40000000000",
                      bound: QuantityBound(min: "40000000000", inclusive: false)),
        ExpectedBound(sentence: "At least 14 attackers died.", span: "At least 14", value: "14", bound: QuantityBound(min: "14", inclusive: true)),
        ExpectedBound(sentence: "It lasted nearly three hours.", span: "nearly three hours", value: "3",
                      bound: QuantityBound(max: "3", inclusive: false, approximate: true)),
        ExpectedBound(sentence: "It lies some 1,100 km away.", span: "some 1,100 km", value: "1100", bound: QuantityBound(approximate: true)),
        ExpectedBound(sentence: "They sent about 200 troops.", span: "about 200", value: "200", bound: QuantityBound(approximate: true)),
        ExpectedBound(sentence: "They sent roughly 900 personnel.", span: "roughly 900", value: "900", bound: QuantityBound(approximate: true)),
        ExpectedBound(sentence: "It holds between 3,000 and 5,000 detainees.", span: "between 3,000 and 5,000", value: nil,
                      bound: QuantityBound(min: "3000", max: "5000", inclusive: true)),
        ExpectedBound(sentence: "It holds 3,000-5,000 detainees.", span: "3,000-5,000", value: nil,
                      bound: QuantityBound(min: "3000", max: "5000", inclusive: true)),
        ExpectedBound(sentence: "It holds 3,000 to 5,000 detainees.", span: "3,000 to 5,000", value: nil,
                      bound: QuantityBound(min: "3000", max: "5000", inclusive: true)),
        ExpectedBound(sentence: "Eruptions recur every four to six months.", span: "four to six months", value: nil,
                      bound: QuantityBound(min: "4", max: "6", inclusive: true)),
        ExpectedBound(sentence: "The deal is worth $5-10 million.", span: "$5-10 million", value: nil,
                      bound: QuantityBound(min: "5000000", max: "10000000", inclusive: true)),
        ExpectedBound(sentence: "He expects 10,000 or more visitors.", span: "10,000 or more", value: "10000",
                      bound: QuantityBound(min: "10000", inclusive: true)),
    ])
    func bounds(_ expected: ExpectedBound) throws {
        let found = try QuantityTestSupport.quantities(expected.sentence)
        let quantity = try #require(found.first { $0.text == expected.span }?.quantity, "found \(found.map(\.text))")
        #expect(quantity.value == expected.value)
        #expect(quantity.bound == expected.bound)
    }

    @Test("Range rules are named after their pattern")
    func rangeRule() throws {
        let found = try QuantityTestSupport.quantities("It holds between 3,000 and 5,000 detainees.")
        #expect(found.first?.quantity.source.rule == "range-between")
        #expect(found.first?.quantity.source.lexicon?.hasPrefix("ranges.tsv:") == true)
    }

    @Test("A qualifier is named in the rule with the bytes it adds around the numeric core", arguments: [
        ("Officials said about 200 people came.", "about 200", "+qualifier(6|0)"),
        ("It cost more than $40bn last year.", "more than $40bn", "+qualifier(10|0)"),
        ("They expect 10,000 or more visitors.", "10,000 or more", "+qualifier(0|8)"),
    ])
    func qualifierCore(_ sentence: String, _ span: String, _ suffix: String) throws {
        let found = try QuantityTestSupport.quantities(sentence)
        let quantity = try #require(found.first { $0.text == span }?.quantity, "found \(found.map(\.text))")
        #expect(quantity.source.rule.hasSuffix(suffix))
    }

    @Test("Digits and multiplier words mixed", arguments: [
        ("A total of 4 thousand 3 hundred and 21 were counted.", "4 thousand 3 hundred and 21", "4321"),
        ("Some 3 hundred and 21 were counted.", "3 hundred and 21", "321"),
        ("It has 2 million 500 thousand residents.", "2 million 500 thousand", "2500000"),
    ])
    func mixedDigitsAndWords(_ sentence: String, _ span: String, _ value: String) throws {
        let found = try QuantityTestSupport.quantities(sentence)
        let quantity = try #require(found.first { $0.text.hasSuffix(span) }?.quantity, "found \(found.map(\.text))")
        #expect(quantity.value == value)
    }

    @Test("An amount and its minor units are one amount", arguments: [
        ("It costs 3 dollars and 50 cents today.", "3 dollars and 50 cents", "3.5"),
        ("It costs 12 dollars 5 cents today.", "12 dollars 5 cents", "12.05"),
    ])
    func majorMinor(_ sentence: String, _ span: String, _ value: String) throws {
        let found = try QuantityTestSupport.quantities(sentence)
        let quantity = try #require(found.first { $0.text == span }?.quantity, "found \(found.map(\.text))")
        #expect(quantity.value == value)
        #expect(quantity.unit == "USD")
    }

    @Test("Mixed numerals do not swallow a following number")
    func mixedNegative() throws {
        let found = try QuantityTestSupport.quantities("It has 3 million 500 people said.")
        #expect(found.first?.quantity.value == "3000000")
    }

    @Test("Change verbs state two values, not a range")
    func change() throws {
        let found = try QuantityTestSupport.quantities("Its profit rose 30% to 22,104 lira, from 20 to 30 staff.")
        #expect(found.map(\.text).contains("30%"))
        #expect(found.map(\.text).contains("22,104 lira"))
    }

    @Test("Counted nouns", arguments: [
        ("North Korea has sent 3,000 soldiers to Russia.", "3,000", "soldiers", "soldier"),
        ("It plans to send as many as 10,000 troops by December.", "as many as 10,000", "troops", "troop"),
        ("It sent 10,000 North Korean troops.", "10,000", "troops", "troop"),
        ("They flew four Apache helicopters there.", "four", "helicopters", "helicopter"),
        ("Japan will supply five more patrol vessels.", "five", "vessels", "vessel"),
        ("Nearly 2 million people fled.", "Nearly 2 million", "people", "person"),
        ("It shot down 71 of the drones.", "71", "drones", "drone"),
        ("He hit nine fours and two sixes.", "two", "sixes", "six"),
        ("It has 28 countries and 190 factories.", "190", "factories", "factory"),
        ("He launched two long-range drones.", "two", "drones", "drone"),
        ("Images showed one ship listing.", "one", "ship", "ship"),
    ])
    func counted(_ sentence: String, _ span: String, _ noun: String, _ lemma: String) throws {
        let document = try QuantityTestSupport.annotate(sentence)
        let quantity = try #require(document.quantities.first { document.text(of: $0.range) == span })
        let counted = try #require(quantity.counted)
        #expect(document.text(of: counted.range) == noun)
        #expect(counted.lemma == lemma)
    }

    @Test("No counted noun where nothing is counted", arguments: [
        ("He saved nine of 11 break points.", "nine"),
        ("Pogačar, 26, has won.", "26"),
        ("The crowd of more than 82,000 cheered.", "more than 82,000"),
    ])
    func notCounted(_ sentence: String, _ span: String) throws {
        let document = try QuantityTestSupport.annotate(sentence)
        let quantity = try #require(document.quantities.first { document.text(of: $0.range) == span })
        #expect(quantity.counted == nil)
    }

    @Test("The seed article")
    func seed() throws {
        let text = "The U.S. announced that North Korea has sent 3,000 soldiers to Russia. South Korean lawmakers "
            + "said North Korea plans to send as many as 10,000 troops by December."
        let document = try QuantityTestSupport.annotate(text)
        #expect(document.quantities.count == 2)
        let first = try #require(document.quantities.first)
        #expect(document.text(of: first.range) == "3,000")
        #expect(first.value == "3000")
        #expect(first.kind == .cardinal)
        #expect(first.counted?.lemma == "soldier")
        let second = try #require(document.quantities.last)
        #expect(document.text(of: second.range) == "as many as 10,000")
        #expect(second.value == "10000")
        #expect(second.bound == QuantityBound(max: "10000", inclusive: true, approximate: true))
        #expect(second.counted.map { document.text(of: $0.range) } == "troops")
    }
}
