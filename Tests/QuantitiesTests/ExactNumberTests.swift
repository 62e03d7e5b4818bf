import Quantities
import Testing

@Suite("ExactNumber")
struct ExactNumberTests {
    @Test("Parses and prints exact decimals", arguments: [
        ("1500000000", "1500000000"), ("0.25", "0.25"), ("-12", "-12"), ("3,000", "3000"), ("1,783.9", "1783.9"),
        ("4.800", "4.8"), ("5/18", "0.277777777777778"), ("1/8", "0.125"), ("0.000000000001", "0.000000000001"),
    ])
    func parse(_ input: String, _ expected: String) throws {
        let value = try #require(ExactNumber(parsing: input, allowGrouping: true))
        #expect(value.decimal == expected)
    }

    @Test("Rejects what is not a plain decimal", arguments: ["1e10", "abc", "", "1.2.3", "--1", "1,000"])
    func reject(_ input: String) {
        #expect(ExactNumber(parsing: input) == nil)
    }

    @Test("Arithmetic stays exact")
    func arithmetic() throws {
        let speed = try #require(ExactNumber(parsing: "100"))
        let factor = try #require(ExactNumber(parsing: "5/18"))
        let product = try #require(speed.multiplied(by: factor))
        #expect(product == ExactNumber(250, 9))
        #expect(product.exactDecimal == nil)
        let bn = try #require(ExactNumber(parsing: "1.5")?.multiplied(by: ExactNumber(integer: 1_000_000_000)))
        #expect(bn.exactDecimal == "1500000000")
        let twoThirds = try #require(ExactNumber(2, 3))
        #expect(twoThirds.decimal == "0.666666666666667")
        #expect(ExactNumber(1, 0) == nil)
    }

    @Test("Prints fractions with rounding and signs, on machine words and past them", arguments: [
        (Int128(-1), Int128(8), "-0.125"), (-1, 3, "-0.333333333333333"), (5, 3, "1.66666666666667"),
        (299_999_999_999_999_999, 300_000_000_000_000_000, "1"), (-299_999_999_999_999_999, 300_000_000_000_000_000, "-1"),
        (1, 7_000_000, "0.000000142857142857143"), (123_456_789, 1000, "123456.789"), (1_000_000_007, 3, "333333335.666667"),
        // A numerator past 64 bits and a denominator past 2^59: the 128-bit path.
        (Int128(123_456_789_012_345_678) * 1000 + 5, 10, "12345678901234567800.5"),
        (1, Int128(1) << 60, "0.000000000000000000867361737988403547205962240695953369140625"),
    ])
    func fractions(_ numerator: Int128, _ denominator: Int128, _ expected: String) throws {
        let value = try #require(ExactNumber(numerator, denominator))
        #expect(value.decimal == expected)
    }

    @Test("Overflow gives nil, not a wrong value")
    func overflow() throws {
        let huge = try #require(ExactNumber(parsing: "100000000000000000000000000000"))
        #expect(huge.multiplied(by: huge) == nil)
    }
}
