import GazetteCore
import Quantities
import Testing

/// Forms added for issue 6: fractions with units, short units that end a sentence, ages,
/// electronvolts and exabytes, and identifiers that look like measures.
@Suite("More quantity forms")
struct MoreFormsTests {
    @Test("Fractions and mixed numbers take units", arguments: [
        Expected("Add 1/2 cup of milk.", "1/2 cup", .measure, "0.5", "cup"),
        Expected("The track is a 3/4 mile loop.", "3/4 mile", .measure, "0.75", "mi"),
        Expected("Stir in ½ teaspoon of salt.", "½ teaspoon", .measure, "0.5", "tsp"),
        Expected("We walked two-thirds of a mile.", "two-thirds", .fraction, "0.666666666666667"),
    ])
    func fractionUnits(_ expected: Expected) throws { try QuantityTestSupport.check(expected) }

    @Test("A short ambiguous unit ending a sentence or before a size adjective", arguments: [
        Expected("The board is 2 1/2 in thick.", "2 1/2 in", .measure, "2.5", "in"),
        Expected("My ruler measures 12 in", "12 in", .measure, "12", "in"),
        Expected("The rope was 40 m long.", "40 m", .measure, "40", "m"),
    ])
    func shortUnits(_ expected: Expected) throws { try QuantityTestSupport.check(expected) }

    @Test("A bare \"degrees\" is a temperature only where the sentence speaks of one", arguments: [
        ("Temperatures reached 40 degrees in Seville.", "40 degrees", "temperature"),
        ("Set the thermostat to 21°.", "21°", "temperature"),
        ("The ship turned 180 degrees.", "180 degrees", "angle"),
        ("Tilt the panel by 30 degrees toward the sun.", "30 degrees", "angle"),
        ("It was 30 degrees Celsius and hot.", "30 degrees Celsius", "temperature"),
    ])
    func bareDegrees(_ sentence: String, _ span: String, _ dimension: String) throws {
        let quantity = try QuantityTestSupport.find(Expected(sentence, span, .measure, nil, nil))
        #expect(quantity.dimension == dimension)
        #expect(quantity.unit == (span.hasSuffix("Celsius") ? "°C" : "°"))
        // a bare degree's temperature scale is unknown: no SI value
        if dimension == "temperature", quantity.unit == "°" { #expect(quantity.siValue == nil) }
    }

    @Test("Ages", arguments: [
        Expected("At 6 weeks of age the pups open their eyes.", "6 weeks of age", .measure, "6", "wk"),
        Expected("A 45 yo woman was admitted.", "45 yo", .measure, "45", "yr"),
        Expected("She is nine years old.", "nine years old", .measure, "9", "yr"),
    ])
    func ages(_ expected: Expected) throws {
        try QuantityTestSupport.check(expected)
        #expect(try QuantityTestSupport.find(expected).source.rule == "age")
    }

    @Test("Particle energies and data sizes", arguments: [
        Expected("The gap is 1.1 eV wide.", "1.1 eV", .measure, "1.1", "eV"),
        Expected("Beams collided at 13 TeV.", "13 TeV", .measure, "13", "TeV"),
        Expected("They store 15 exabytes of logs.", "15 exabytes", .measure, "15", "EB"),
        Expected("It is 10 dm deep.", "10 dm", .measure, "10", "dm"),
    ])
    func newUnits(_ expected: Expected) throws { try QuantityTestSupport.check(expected) }

    @Test("Not measures: identifiers and a short word in mid-sentence", arguments: [
        ("The file SCP-173m was opened.", "173"),
        ("She flew on a Boeing 777F yesterday.", "777"),
        ("He arrived at 5 in the morning.", "5 in"),
        ("We have 3 m and more.", "3 m"),
        ("Her salary is 50 K.", "50 K"),
    ])
    func notMeasures(_ sentence: String, _ word: String) throws {
        let found = try QuantityTestSupport.quantities(sentence)
        #expect(!found.contains { $0.text.contains(word) && $0.quantity.kind == .measure }, "found \(found.map(\.text))")
    }

    @Test("Powers: scientific notation and carets", arguments: [
        Expected("The count reached 6.02e23 molecules.", "6.02e23", .cardinal, "602000000000000000000000"),
        Expected("A reading of 3e-2 was logged.", "3e-2", .cardinal, "0.03"),
        Expected("The answer is 2^10 exactly.", "2^10", .cardinal, "1024"),
        Expected("The answer is 4^-1 exactly.", "4^-1", .cardinal, "0.25"),
    ])
    func powers(_ expected: Expected) throws { try QuantityTestSupport.check(expected) }

    @Test("Spoken decimals and spaced groups", arguments: [
        Expected("He read out four point zero seven twice.", "four point zero seven", .cardinal, "4.07"),
        Expected("The rate was seven point fifty-two overall.", "seven point fifty-two", .cardinal, "7.52"),
        Expected("Sales hit two point five million units.", "two point five million", .cardinal, "2500000"),
        Expected("The total was 7\u{202F}654\u{202F}321.5 on paper.", "7\u{202F}654\u{202F}321.5", .cardinal, "7654321.5"),
        Expected("They packed 3 dzs eggs.", "3 dzs", .cardinal, "36"),
    ])
    func spokenDecimals(_ expected: Expected) throws { try QuantityTestSupport.check(expected) }

    @Test("Ratios in words", arguments: [
        Expected("By now one in four adults smokes.", "one in four", .fraction, "0.25"),
        Expected("Two out of five voters agreed.", "Two out of five", .fraction, "0.4"),
        Expected("The odds are one over eight today.", "one over eight", .fraction, "0.125"),
    ])
    func ratios(_ expected: Expected) throws { try QuantityTestSupport.check(expected) }

    @Test("At one point: not a spoken decimal")
    func atOnePoint() throws {
        let found = try QuantityTestSupport.quantities("At one point two men left the room.")
        #expect(!found.contains { $0.quantity.value == "1.2" }, "found \(found.map(\.text))")
    }

    @Test("Not ratios", arguments: [
        ("Prices rose 3 over 4 years.", "3 over 4"),
        ("The film got 12 out of 10 from him.", "12 out of 10"),
        ("He was born 1 in 2020 terms.", "1 in 2020"),
        ("It was her second slow one in three races.", "one in three"),
    ])
    func notRatios(_ sentence: String, _ span: String) throws {
        let found = try QuantityTestSupport.quantities(sentence)
        #expect(!found.contains { $0.text == span }, "found \(found.map(\.text))")
    }

    @Test("Fractions and multipliers composed", arguments: [
        Expected("He ordered three hundred and two dozen rolls.", "three hundred and two dozen", .cardinal, "324"),
        Expected("Only one twenty-fifth of it was left.", "one twenty-fifth", .fraction, "0.04"),
        Expected("It grew by two and three quarters.", "two and three quarters", .fraction, "2.75"),
        Expected("It weighed one hundred and two fifths in all.", "one hundred and two fifths", .fraction, "100.4"),
        Expected("The bill came to five billion and three quarters.", "five billion and three quarters", .cardinal, "5750000000"),
        Expected("A quarter million fans came.", "A quarter million", .cardinal, "250000"),
        Expected("It cost one billion and three quarters million.", "one billion and three quarters million", .cardinal, "1000750000"),
        Expected("It cost one million and fifty thousand.", "one million and fifty thousand", .cardinal, "1050000"),
        Expected("They hoped for quarter million fans.", "quarter million", .cardinal, "250000"),
        Expected("We counted 3 hundred and one boxes.", "3 hundred and one", .cardinal, "301"),
        Expected("One hundred and sixty-one went.", "One hundred and sixty-one", .cardinal, "161"),
    ])
    func composed(_ expected: Expected) throws { try QuantityTestSupport.check(expected) }

    @Test("Two-sided bounds, inclusive comparisons and equality", arguments: [
        ExpectedBound(sentence: "Pick a value greater than 40 and less than 90 now.", span: "greater than 40 and less than 90", value: nil,
                      bound: QuantityBound(min: "40", max: "90", inclusive: false)),
        ExpectedBound(sentence: "Keep it at most 80 but at least 15 today.", span: "at most 80 but at least 15", value: nil,
                      bound: QuantityBound(min: "15", max: "80", inclusive: true)),
        ExpectedBound(sentence: "Scores above 1200 and below 1400 pass.", span: "above 1200 and below 1400", value: nil,
                      bound: QuantityBound(min: "1200", max: "1400", inclusive: false)),
        ExpectedBound(sentence: "Prices more than 5 and no more than 9 apply.", span: "more than 5 and no more than 9", value: nil,
                      bound: QuantityBound(min: "5", max: "9")),
        ExpectedBound(sentence: "Take values less than or equal to 64 here.", span: "less than or equal to 64", value: "64",
                      bound: QuantityBound(max: "64", inclusive: true)),
        ExpectedBound(sentence: "Take values equal to or more than 12 here.", span: "equal to or more than 12", value: "12",
                      bound: QuantityBound(min: "12", inclusive: true)),
        ExpectedBound(sentence: "Filter rows where x > = 7 only.", span: "> = 7", value: "7", bound: QuantityBound(min: "7", inclusive: true)),
        ExpectedBound(sentence: "The load is equal to 350 units.", span: "equal to 350", value: "350",
                      bound: QuantityBound(min: "350", max: "350", inclusive: true)),
        ExpectedBound(sentence: "He got 80 or higher than 70 there.", span: "higher than 70", value: "70",
                      bound: QuantityBound(min: "70", inclusive: false)),
        ExpectedBound(sentence: "It stays below -40 at night.", span: "below -40", value: "-40",
                      bound: QuantityBound(max: "-40", inclusive: false)),
    ])
    func twoSided(_ expected: ExpectedBound) throws {
        let found = try QuantityTestSupport.quantities(expected.sentence)
        let quantity = try #require(found.first { $0.text == expected.span }?.quantity, "found \(found.map(\.text))")
        #expect(quantity.value == expected.value)
        #expect(quantity.bound == expected.bound)
    }

    @Test("Bounds that are not joined", arguments: [
        ("Less than 40 came, and more than 90 left.", "40"),
        ("It is more than 90 and less than 40 there.", "90"),
    ])
    func notJoined(_ sentence: String, _ number: String) throws {
        let found = try QuantityTestSupport.quantities(sentence)
        #expect(!found.contains { $0.quantity.value == nil }, "found \(found.map(\.text))")
        #expect(found.contains { $0.quantity.value == number })
    }

    @Test("A sign after a currency symbol", arguments: [
        Expected("The loss was $-45.50 overall.", "$-45.50", .money, "-45.5", "USD"),
    ])
    func signedMoney(_ expected: Expected) throws { try QuantityTestSupport.check(expected) }

    @Test("Money: cents without their name, scaled codes, symbols after the amount", arguments: [
        Expected("The toll is 15 dollars and 40.", "15 dollars and 40", .money, "15.4", "USD"),
        Expected("The fee rose to 12 USD 75.", "12 USD 75", .money, "12.75", "USD"),
        Expected("The bill was 40 MUSD in total.", "40 MUSD", .money, "40000000", "USD"),
        Expected("Revenue reached MEUR 12 last year.", "MEUR 12", .money, "12000000", "EUR"),
        Expected("Costs were 900 kSEK then.", "900 kSEK", .money, "900000", "SEK"),
        Expected("They lost 75 USD million overall.", "75 USD million", .money, "75000000", "USD"),
        Expected("Tickets are 20 € each.", "20 €", .money, "20", "EUR"),
        Expected("A room costs 100₾ a night.", "100₾", .money, "100", "GEL"),
    ])
    func moreMoney(_ expected: Expected) throws { try QuantityTestSupport.check(expected) }

    @Test("Not money", arguments: [
        ("They paid 5 dollars and 3 people came.", "5 dollars and 3"),
        ("ALL 5 solutions are wrong.", "ALL 5"),
        ("He swapped 5 €10 notes.", "5 €"),
    ])
    func notMoney(_ sentence: String, _ span: String) throws {
        let found = try QuantityTestSupport.quantities(sentence)
        #expect(!found.contains { $0.text == span && $0.quantity.kind == .money }, "found \(found.map(\.text))")
    }

    @Test("Relative ordinals: an offset from the end or from the current item", arguments: [
        Expected("Open the second to last file.", "the second to last", .ordinal, "-1", "end"),
        Expected("Pick the last but one please.", "the last but one", .ordinal, "-1", "end"),
        Expected("I mean the one before the last.", "the one before the last", .ordinal, "-1", "end"),
        Expected("He came antepenultimate overall.", "antepenultimate", .ordinal, "-2", "end"),
        Expected("Try the next one now.", "next one", .ordinal, "1", "current"),
        Expected("Keep the current one for now.", "current one", .ordinal, "0", "current"),
        Expected("Remove last paragraph from the draft.", "last", .ordinal, "0", "end"),
        Expected("Read the last three chapters first.", "last", .ordinal, "0", "end"),
        Expected("Send me next 4 invoices.", "next", .ordinal, "1", "current"),
        Expected("The next phase starts soon.", "next", .ordinal, "1", "current"),
        Expected("She was a previous winner.", "previous", .ordinal, "-1", "current"),
    ])
    func relativeOrdinals(_ expected: Expected) throws {
        try QuantityTestSupport.check(expected)
        #expect(try QuantityTestSupport.find(expected).source.rule == "ordinal-relative")
    }

    @Test("Not relative ordinals: dates, verbs, units and adjectives after a determiner", arguments: [
        "Prices rose last year.",
        "We meet next Tuesday.",
        "The talks will last two days.",
        "At last the rain stopped.",
        "He slowed in the last 3 km.",
        "Strikes hit the area in the last 24 hours.",
        "The next steps are unclear.",
        "The current rate is high.",
        "They live next door.",
        "He sat next to the minister.",
        "What comes next is unclear.",
        "The previous day was calm.",
        "The last soldier left the base.",
    ])
    func notRelative(_ sentence: String) throws {
        let found = try QuantityTestSupport.quantities(sentence)
        #expect(!found.contains { $0.quantity.source.rule == "ordinal-relative" }, "found \(found.map(\.text))")
    }

    @Test("Squares and cubes of units, and measures in two units", arguments: [
        Expected("The lake covers 6 km squared in all.", "6 km squared", .measure, "6", "km2"),
        Expected("The reservoir holds 2km^3 of water.", "2km^3", .measure, "2", "km3"),
        Expected("She is 5 ft 7 in tall.", "5 ft 7 in", .measure, "5.58333333333333", "ft"),
        Expected("He stood 6 feet and 3 inches.", "6 feet and 3 inches", .measure, "6.25", "ft"),
        Expected("It weighed 3 lb 8 oz at birth.", "3 lb 8 oz", .measure, "3.5", "lb"),
        Expected("Lows ranged from -5 °C to -12 °C overnight.", "from -5 °C to -12 °C", .measure, nil, "°C"),
    ])
    func unitPowersAndPairs(_ expected: Expected) throws { try QuantityTestSupport.check(expected) }

    @Test("Measures not joined", arguments: [
        ("He served 2 years and 6 months in jail.", "2 years", "6 months"),
        ("It ran 5 km 1,500 metres later.", "5 km", "1,500 metres"),
    ])
    func notJoinedMeasures(_ sentence: String, _ first: String, _ second: String) throws {
        let found = try QuantityTestSupport.quantities(sentence)
        #expect(found.filter { $0.text == first || $0.text == second }.count == 2, "found \(found.map(\.text))")
    }

    @Test("An approximation before a suffix bound, and ranges of ordinals", arguments: [
        ExpectedBound(sentence: "They sold about 500 or more copies.", span: "about 500 or more", value: "500",
                      bound: QuantityBound(min: "500", inclusive: true, approximate: true)),
        ExpectedBound(sentence: "We expect roughly 30 and less today.", span: "roughly 30 and less", value: "30",
                      bound: QuantityBound(max: "30", inclusive: true, approximate: true)),
        ExpectedBound(sentence: "It ranks between the tenth and the twentieth.", span: "between the tenth and the twentieth", value: nil,
                      bound: QuantityBound(min: "10", max: "20", inclusive: true)),
        ExpectedBound(sentence: "Built from the 12th to the 14th century.", span: "from the 12th to the 14th", value: nil,
                      bound: QuantityBound(min: "12", max: "14", inclusive: true)),
    ])
    func approximateSuffix(_ expected: ExpectedBound) throws {
        let found = try QuantityTestSupport.quantities(expected.sentence)
        let quantity = try #require(found.first { $0.text == expected.span }?.quantity, "found \(found.map(\.text))")
        #expect(quantity.value == expected.value)
        #expect(quantity.bound == expected.bound)
    }

    @Test("Not bounds or ordinal ranges", arguments: [
        ("It costs $5 and more importantly it works.", "$5 and more"),
        ("She came tenth and the fifteenth went home.", "tenth and the fifteenth"),
        ("He was second to third.", "second to third"),
    ])
    func notBounds(_ sentence: String, _ span: String) throws {
        let found = try QuantityTestSupport.quantities(sentence)
        #expect(!found.contains { $0.text == span }, "found \(found.map(\.text))")
    }
}
