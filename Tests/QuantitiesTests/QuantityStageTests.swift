import GazetteCore
import Quantities
import Testing

/// One expected quantity: the span as written, kind, value and unit.
struct Expected: CustomTestStringConvertible, Sendable {
    var sentence: String
    var span: String
    var kind: QuantityKind
    var value: String?
    var unit: String?
    var testDescription: String { "\(span) in “\(sentence)”" }

    init(_ sentence: String, _ span: String, _ kind: QuantityKind, _ value: String?, _ unit: String? = nil) {
        self.sentence = sentence
        self.span = span
        self.kind = kind
        self.value = value
        self.unit = unit
    }
}

@Suite("Quantities stage")
struct QuantityStageTests {
    @Test("Numbers in digits", arguments: [
        Expected("They counted 3,000 of them.", "3,000", .cardinal, "3000"),
        Expected("They counted 3 000 men.", "3 000", .cardinal, "3000"),
        Expected("The ratio was 1.5 overall.", "1.5", .cardinal, "1.5"),
        Expected("A share of 0.25 remained.", "0.25", .cardinal, "0.25"),
        Expected("Output hit 1,783.9million units.", "1,783.9million", .cardinal, "1783900000"),
        Expected("They sold 10k tickets.", "10k", .cardinal, "10000"),
        Expected("It raised 2.5bn in bonds.", "2.5bn", .cardinal, "2500000000"),
        Expected("The value is 1.5 million now.", "1.5 million", .cardinal, "1500000"),
        Expected("There are 3 billion users.", "3 billion", .cardinal, "3000000000"),
    ])
    func digits(_ expected: Expected) throws { try QuantityTestSupport.check(expected) }

    @Test("Numbers in words", arguments: [
        Expected("He saw three thousand birds.", "three thousand", .cardinal, "3000"),
        Expected("She bought a dozen eggs.", "a dozen", .cardinal, "12"),
        Expected("It drew one and a half million visitors.", "one and a half million", .cardinal, "1500000"),
        Expected("There were twenty-five boats.", "twenty-five", .cardinal, "25"),
        Expected("It cost two hundred and five dollars.", "two hundred and five dollars", .money, "205", "USD"),
        Expected("A million people came.", "A million", .cardinal, "1000000"),
        Expected("Half a million people came.", "Half a million", .cardinal, "500000"),
    ])
    func words(_ expected: Expected) throws { try QuantityTestSupport.check(expected) }

    @Test("Ordinals", arguments: [
        Expected("It was the first meeting.", "first", .ordinal, "1"),
        Expected("It was the 3rd meeting.", "3rd", .ordinal, "3"),
        Expected("The twenty-first century began.", "twenty-first", .ordinal, "21"),
        Expected("He won the 14th stage.", "14th", .ordinal, "14"),
        Expected("They called a third week of rallies.", "third", .ordinal, "3"),
    ])
    func ordinals(_ expected: Expected) throws { try QuantityTestSupport.check(expected) }

    @Test("Fractions", arguments: [
        Expected("He paid half of it.", "half", .fraction, "0.5"),
        Expected("Two-thirds of voters agreed.", "Two-thirds", .fraction, "0.666666666666667"),
        Expected("They ate 3/4 of the cake.", "3/4", .fraction, "0.75"),
        Expected("They covered a quarter of the cost.", "a quarter", .fraction, "0.25"),
        Expected("Only one-tenth of them left.", "one-tenth", .fraction, "0.1"),
        Expected("The board is 2½ metres long.", "2½ metres", .measure, "2.5", "m"),
    ])
    func fractions(_ expected: Expected) throws { try QuantityTestSupport.check(expected) }

    @Test("Percentages", arguments: [
        Expected("Prices rose 5% last year.", "5%", .percent, "5", "%"),
        Expected("Prices rose 4.8% last year.", "4.8%", .percent, "4.8", "%"),
        Expected("Prices rose 5 percent last year.", "5 percent", .percent, "5", "%"),
        Expected("Prices rose five per cent last year.", "five per cent", .percent, "5", "%"),
        Expected("The rate fell by 2 percentage points.", "2 percentage points", .percent, "2", "pp"),
        Expected("The target: percent of 10.", "percent of 10", .percent, "10", "%"),
        Expected("per cent of twenty-two", "per cent of twenty-two", .percent, "22", "%"),
    ])
    func percentages(_ expected: Expected) throws { try QuantityTestSupport.check(expected) }

    @Test("Not an inverted percentage: the percent word has its own number, or the number goes on", arguments: [
        ("It won 40 percent of 210 seats.", "210"),
        ("It won 40 per cent of 210.", "210"),
        ("The percent of 2020 voters who stayed home rose.", "2020"),
    ])
    func notInvertedPercent(_ sentence: String, _ number: String) throws {
        let found = try QuantityTestSupport.quantities(sentence)
        #expect(!found.contains { $0.text.hasSuffix(number) && $0.quantity.kind == .percent && $0.text != "40 percent" }, "found \(found.map(\.text))")
    }

    @Test("Money", arguments: [
        Expected("It cost $75 last week.", "$75", .money, "75", "USD"),
        Expected("She paid seven pounds for it.", "seven pounds", .money, "7", "GBP"),
        Expected("It paid US$1.5bn for it.", "US$1.5bn", .money, "1500000000", "USD"),
        Expected("The fund holds €300 million.", "€300 million", .money, "300000000", "EUR"),
        Expected("He earned £80m last year.", "£80m", .money, "80000000", "GBP"),
        Expected("The price is USD 5 per unit.", "USD 5", .money, "5", "USD"),
        Expected("A ticket costs 300 rubles.", "300 rubles", .money, "300", "RUB"),
        Expected("It lost 5 million yuan a day.", "5 million yuan", .money, "5000000", "CNY"),
        Expected("Profit rose to NT$452 billion.", "NT$452 billion", .money, "452000000000", "TWD"),
        Expected("It costs 50 cents.", "50 cents", .money, "0.5", "USD"),
        Expected("They will spend 18.2 billion Danish kroner.", "18.2 billion Danish kroner", .money, "18200000000", "DKK"),
    ])
    func money(_ expected: Expected) throws { try QuantityTestSupport.check(expected) }

    @Test("Measures", arguments: [
        Expected("It lies 120 km north of Kyiv.", "120 km", .measure, "120", "km"),
        Expected("They walked 40 kilometres.", "40 kilometres", .measure, "40", "km"),
        Expected("They drove 40 miles west.", "40 miles", .measure, "40", "mi"),
        Expected("Each holds 450 kg of explosives.", "450 kg", .measure, "450", "kg"),
        Expected("The baby weighed seven pounds at birth.", "seven pounds", .measure, "7", "lb"),
        Expected("A metric ton weighs 2,204.62 pounds.", "2,204.62 pounds", .measure, "2204.62", "lb"),
        Expected("The ship carries 3.5 tonnes of grain.", "3.5 tonnes", .measure, "3.5", "t"),
        Expected("It reached 35°C on Monday.", "35°C", .measure, "35", "°C"),
        Expected("The temperature hit 35°C.", "35°C", .measure, "35", "°C"),
        Expected("It travels at 80 km/h on roads.", "80 km/h", .measure, "80", "km/h"),
        Expected("They control 2,000 square miles of land.", "2,000 square miles", .measure, "2000", "mi2"),
        Expected("The talks lasted six hours.", "six hours", .measure, "6", "h"),
        Expected("It sends 150 terabytes of data.", "150 terabytes", .measure, "150", "TB"),
        Expected("They signed a three-year deal.", "three-year", .measure, "3", "yr"),
        Expected("The 21-year-old won.", "21-year-old", .measure, "21", "yr"),
        Expected("She was five years old then.", "five years old", .measure, "5", "yr"),
        Expected("It fell to minus 80°C at night.", "minus 80°C", .measure, "-80", "°C"),
        Expected("It was 100 degrees F outside.", "100 degrees F", .measure, "100", "°F"),
        Expected("The field pumps 411,000 barrels a day.", "411,000 barrels", .measure, "411000", "bbl"),
    ])
    func measures(_ expected: Expected) throws { try QuantityTestSupport.check(expected) }

    @Test("SI values are exact")
    func siValues() throws {
        let found = try QuantityTestSupport.quantities("A 10-mile walk at 80 km/h, then 35°C.")
        let mile = try #require(found.first { $0.text == "10-mile" }?.quantity)
        #expect(mile.siValue == "16093.44")
        #expect(mile.siUnit == "m")
        let celsius = try #require(found.first { $0.text == "35°C" }?.quantity)
        #expect(celsius.siValue == "308.15")
        // 80 km/h = 200/9 m/s: no finite decimal, so no SI value rather than a rounded one.
        let speed = try #require(found.first { $0.text == "80 km/h" }?.quantity)
        #expect(speed.siValue == nil)
        #expect(speed.dimension == "speed")
    }
}
