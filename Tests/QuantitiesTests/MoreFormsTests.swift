import GazetteCore
import Quantities
import Testing

/// Forms added for issue 6: fractions with units, short units that end a sentence, ages,
/// electronvolts and exabytes, and identifiers that look like measures.
@Suite("More quantity forms")
struct MoreFormsTests {
    static func find(_ expected: Expected) throws -> Quantity {
        let found = try QuantityTestSupport.quantities(expected.sentence)
        let match = found.first { $0.text == expected.span }
        return try #require(match?.quantity, "no quantity “\(expected.span)”; found \(found.map(\.text))")
    }

    static func check(_ expected: Expected) throws {
        let quantity = try find(expected)
        #expect(quantity.kind == expected.kind)
        #expect(quantity.value == expected.value)
        #expect(quantity.unit == expected.unit)
    }

    @Test("Fractions and mixed numbers take units", arguments: [
        Expected("Add 1/2 cup of milk.", "1/2 cup", .measure, "0.5", "cup"),
        Expected("The track is a 3/4 mile loop.", "3/4 mile", .measure, "0.75", "mi"),
        Expected("Stir in ½ teaspoon of salt.", "½ teaspoon", .measure, "0.5", "tsp"),
        Expected("We walked two-thirds of a mile.", "two-thirds", .fraction, "0.666666666666667"),
    ])
    func fractionUnits(_ expected: Expected) throws { try Self.check(expected) }

    @Test("A short ambiguous unit ending a sentence or before a size adjective", arguments: [
        Expected("The board is 2 1/2 in thick.", "2 1/2 in", .measure, "2.5", "in"),
        Expected("My ruler measures 12 in", "12 in", .measure, "12", "in"),
        Expected("The rope was 40 m long.", "40 m", .measure, "40", "m"),
    ])
    func shortUnits(_ expected: Expected) throws { try Self.check(expected) }

    @Test("Ages", arguments: [
        Expected("At 6 weeks of age the pups open their eyes.", "6 weeks of age", .measure, "6", "wk"),
        Expected("A 45 yo woman was admitted.", "45 yo", .measure, "45", "yr"),
        Expected("She is nine years old.", "nine years old", .measure, "9", "yr"),
    ])
    func ages(_ expected: Expected) throws {
        try Self.check(expected)
        #expect(try Self.find(expected).source.rule == "age")
    }

    @Test("Particle energies and data sizes", arguments: [
        Expected("The gap is 1.1 eV wide.", "1.1 eV", .measure, "1.1", "eV"),
        Expected("Beams collided at 13 TeV.", "13 TeV", .measure, "13", "TeV"),
        Expected("They store 15 exabytes of logs.", "15 exabytes", .measure, "15", "EB"),
        Expected("It is 10 dm deep.", "10 dm", .measure, "10", "dm"),
    ])
    func newUnits(_ expected: Expected) throws { try Self.check(expected) }

    @Test("Not measures: identifiers and a short word in mid-sentence", arguments: [
        ("The file SCP-173m was opened.", "173"),
        ("She flew on a Boeing 777F yesterday.", "777"),
        ("He arrived at 5 in the morning.", "5 in"),
        ("We have 3 m and more.", "3 m"),
    ])
    func notMeasures(_ sentence: String, _ word: String) throws {
        let found = try QuantityTestSupport.quantities(sentence)
        #expect(!found.contains { $0.text.contains(word) && $0.quantity.kind == .measure }, "found \(found.map(\.text))")
    }
}
