import GazetteCore

/// Where an atom's rule came from: a table and a line (turned into "units.tsv:12" only when the
/// annotation is written, so building atoms allocates nothing).
struct LexiconRef {
    enum Table: UInt8 { case units, currencies, numbers, qualifiers, ranges }
    var table: Table
    var line: Int32

    init(_ table: Table, _ line: Int) {
        self.table = table
        self.line = Int32(truncatingIfNeeded: line)
    }

    var description: String {
        let name: StaticString
        switch table {
        case .units: name = "units.tsv:"
        case .currencies: name = "currencies.tsv:"
        case .numbers: name = "numbers.tsv:"
        case .qualifiers: name = "qualifiers.tsv:"
        case .ranges: name = "ranges.tsv:"
        }
        // Written in one go: the name, then the line's decimal digits (as `String(line)` writes them).
        let magnitude = line.magnitude
        var digitCount = 1
        var rest = magnitude / 10
        while rest > 0 {
            digitCount += 1
            rest /= 10
        }
        let signCount = line < 0 ? 1 : 0
        let nameCount = name.utf8CodeUnitCount
        return String(unsafeUninitializedCapacity: nameCount + signCount + digitCount) { buffer in
            for offset in 0..<nameCount { buffer[offset] = name.utf8Start[offset] }
            if signCount == 1 { buffer[nameCount] = UInt8(ascii: "-") }
            var value = magnitude
            var position = nameCount + signCount + digitCount
            repeat {
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value % 10)
                value /= 10
            } while value > 0
            return nameCount + signCount + digitCount
        }
    }
}

/// A quantity being built by `QuantityScanner`: a numeral with what is attached to it.
///
/// A plain value (no strings, no table rows): units, currencies, qualifiers, range patterns and
/// the counted noun are table or token indices, resolved only when the annotation is built, so
/// copying an atom is a small memcpy with no reference counting.
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
    /// Index into `UnitTables.units`.
    var unit: Int?
    /// Index into `UnitTables.currencies`.
    var currency: Int?
    /// Index into `UnitTables.numbers` of a relative ordinal ("the last but one").
    var relative: Int?
    /// Index into `UnitTables.qualifiers` of the bound qualifier, with the tokens it covers.
    var qualifier: Int?
    var qualifierFirst = -1
    var qualifierLast = -1
    /// The last token of an approximation before a suffix bound ("about 500 or more"), else -1.
    var approxLast = -1
    /// The ends of a range (when `isRange`), whether they are included (1, 0, or -1 when one
    /// is and the other is not) and the `UnitTables.ranges` pattern that joined it (-1: none).
    /// Plain values, so an atom stays trivially copyable.
    var rangeLow = ExactNumber.zero
    var rangeHigh = ExactNumber.zero
    var isRange = false
    var rangeInclusive: Int8 = 1
    var rangePattern: Int32 = -1
    /// Token index of the counted noun's head.
    var counted: Int?
    var approximate = false
    /// Bytes to cut from the end of the last token ("35°C." at the end of a sentence: the
    /// tokenizer keeps "C." together; the full stop is not part of the quantity).
    var endTrim = 0
    var rule: StaticString
    var lexicon: LexiconRef?

    init(first: Int, last: Int, numeralFirst: Int, numeralLast: Int, value: ExactNumber, kind: QuantityKind,
         scale: ExactNumber?, words: Bool, plainInteger: Bool, rule: StaticString, lexicon: LexiconRef? = nil) {
        self.first = first
        self.last = last
        self.numeralFirst = numeralFirst
        self.numeralLast = numeralLast
        self.value = value
        self.kind = kind
        self.scale = scale
        self.words = words
        self.plainInteger = plainInteger
        self.rule = rule
        self.lexicon = lexicon
    }

    var hasUnitOrCurrency: Bool { unit != nil || currency != nil }
}
