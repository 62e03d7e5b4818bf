import GazetteCore

/// A quantity being built by `QuantityScanner`: a numeral with what is attached to it.
struct Atom {
    /// First and last token of the whole span (qualifier, currency, sign, numeral, unit).
    var first: Int
    var last: Int
    /// First and last token of the numeral itself.
    var numeralFirst: Int
    var numeralLast: Int
    var value: ExactNumber
    var kind: QuantityKind
    /// The multiplier or scale suffix applied to the numeral ("million" → 10⁶), if any.
    var scale: ExactNumber?
    /// True when the numeral is spelled out.
    var words: Bool
    /// True for a plain digit integer without grouping ("2024", "16").
    var plainInteger: Bool
    var unit: UnitEntry?
    var currency: CurrencyEntry?
    var bound: QuantityBound?
    var rangeMin: ExactNumber?
    var rangeMax: ExactNumber?
    var counted: CountedNoun?
    var approximate = false
    /// Bytes to cut from the end of the last token ("35°C." at the end of a sentence: the
    /// tokenizer keeps "C." together; the full stop is not part of the quantity).
    var endTrim = 0
    var rule: String
    var lexicon: String?

    var hasUnitOrCurrency: Bool { unit != nil || currency != nil }
    var isRange: Bool { rangeMin != nil }
}
