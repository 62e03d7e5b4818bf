import Quantities
import Testing

@Suite("Not quantities")
struct NegativeTests {
    @Test("Years, dates, times, identifiers, vague amounts, multipliers and pronouns are left out", arguments: [
        ("The war began in 1989.", "1989"),
        ("It has grown since 2022.", "2022"),
        ("They met on December 3.", "3"),
        ("They met on 3 December.", "3"),
        ("The talks start at 10:30.", "10"),
        ("He flies an F-16 jet.", "16"),
        ("The COVID-19 pandemic ended.", "19"),
        ("The council passed Resolution 2334 then.", "2334"),
        ("Several people marched.", "Several"),
        ("Many homes burned.", "Many"),
        ("It warmed nearly four times faster.", "four"),
        ("It was one of the most damaged areas.", "one"),
        ("They won 3-2 on Sunday.", "3"),
        ("Profit rose in the first half of the year.", "first"),
        ("Profit rose in the first half of the year.", "half"),
        ("They left for a week.", "a"),
        ("Boats sailed to Second Thomas Shoal.", "Second"),
        ("Call 555-1234 now.", "555"),
    ])
    func leftOut(_ sentence: String, _ word: String) throws {
        let found = try QuantityTestSupport.quantities(sentence)
        #expect(!found.contains { $0.text.contains(word) }, "found \(found.map(\.text))")
    }

    @Test("Ambiguous short units need a numeral glued to them")
    func ambiguousUnits() throws {
        let found = try QuantityTestSupport.quantities("He ran the 100m in 10 seconds and 5 in the morning.")
        #expect(found.contains { $0.text == "100m" && $0.quantity.unit == "m" })
        #expect(!found.contains { $0.text.hasSuffix(" in") })
    }
}
