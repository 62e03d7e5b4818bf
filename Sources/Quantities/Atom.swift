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
/// copying an atom is a small memcpy with no reference counting. Indices are stored as `Int32`
/// (-1 for none) and read through `Int` properties, the exact numbers first: an atom is about
/// two thirds of the size it would be with `Int` and `Optional` fields, and scanning copies
/// atoms often.
struct Atom {
    var value: ExactNumber
    private var storedScale = ExactNumber.zero
    /// The ends of a range (when `isRange`).
    var rangeLow = ExactNumber.zero
    var rangeHigh = ExactNumber.zero
    var rule: QuantityRule
    private var storedFirst: Int32
    private var storedLast: Int32
    private var storedNumeralFirst: Int32
    private var storedNumeralLast: Int32
    private var storedUnit: Int32 = -1
    private var storedCurrency: Int32 = -1
    private var storedRelative: Int32 = -1
    private var storedQualifier: Int32 = -1
    private var storedCounted: Int32 = -1
    private var storedQualifierFirst: Int32 = -1
    private var storedQualifierLast: Int32 = -1
    private var storedApproxLast: Int32 = -1
    private var storedEndTrim: Int32 = 0
    /// The `UnitTables.ranges` pattern that joined a range (-1: none).
    var rangePattern: Int32 = -1
    var lexicon: LexiconRef?
    var kind: QuantityKind
    /// True when the numeral is spelled out.
    var words: Bool
    /// True for a plain digit integer without grouping ("2024", "16").
    var plainInteger: Bool
    private var hasScale = false
    var isRange = false
    /// Whether the ends of a range are included (1, 0, or -1 when one is and the other is not).
    var rangeInclusive: Int8 = 1
    var approximate = false

    /// First and last token of the whole span (qualifier, currency, sign, numeral, unit).
    var first: Int {
        get { Int(storedFirst) }
        set { storedFirst = Int32(truncatingIfNeeded: newValue) }
    }
    var last: Int {
        get { Int(storedLast) }
        set { storedLast = Int32(truncatingIfNeeded: newValue) }
    }
    /// First and last token of the numeral itself.
    var numeralFirst: Int {
        get { Int(storedNumeralFirst) }
        set { storedNumeralFirst = Int32(truncatingIfNeeded: newValue) }
    }
    var numeralLast: Int {
        get { Int(storedNumeralLast) }
        set { storedNumeralLast = Int32(truncatingIfNeeded: newValue) }
    }
    /// The multiplier or scale suffix applied to the numeral ("million" → 10⁶), if any.
    var scale: ExactNumber? {
        get { hasScale ? storedScale : nil }
        set {
            hasScale = newValue != nil
            storedScale = newValue ?? .zero
        }
    }
    /// Index into `UnitTables.units`.
    var unit: Int? {
        get { Self.index(storedUnit) }
        set { storedUnit = Self.stored(newValue) }
    }
    /// Index into `UnitTables.currencies`.
    var currency: Int? {
        get { Self.index(storedCurrency) }
        set { storedCurrency = Self.stored(newValue) }
    }
    /// Index into `UnitTables.numbers` of a relative ordinal ("the last but one").
    var relative: Int? {
        get { Self.index(storedRelative) }
        set { storedRelative = Self.stored(newValue) }
    }
    /// Index into `UnitTables.qualifiers` of the bound qualifier, with the tokens it covers.
    var qualifier: Int? {
        get { Self.index(storedQualifier) }
        set { storedQualifier = Self.stored(newValue) }
    }
    var qualifierFirst: Int {
        get { Int(storedQualifierFirst) }
        set { storedQualifierFirst = Int32(truncatingIfNeeded: newValue) }
    }
    var qualifierLast: Int {
        get { Int(storedQualifierLast) }
        set { storedQualifierLast = Int32(truncatingIfNeeded: newValue) }
    }
    /// The last token of an approximation before a suffix bound ("about 500 or more"), else -1.
    var approxLast: Int {
        get { Int(storedApproxLast) }
        set { storedApproxLast = Int32(truncatingIfNeeded: newValue) }
    }
    /// Token index of the counted noun's head.
    var counted: Int? {
        get { Self.index(storedCounted) }
        set { storedCounted = Self.stored(newValue) }
    }
    /// Bytes to cut from the end of the last token ("35°C." at the end of a sentence: the
    /// tokenizer keeps "C." together; the full stop is not part of the quantity).
    var endTrim: Int {
        get { Int(storedEndTrim) }
        set { storedEndTrim = Int32(truncatingIfNeeded: newValue) }
    }

    @inline(__always)
    private static func index(_ stored: Int32) -> Int? { stored >= 0 ? Int(stored) : nil }

    @inline(__always)
    private static func stored(_ index: Int?) -> Int32 { index.map { Int32(truncatingIfNeeded: $0) } ?? -1 }

    init(first: Int, last: Int, numeralFirst: Int, numeralLast: Int, value: ExactNumber, kind: QuantityKind,
         scale: ExactNumber?, words: Bool, plainInteger: Bool, rule: QuantityRule, lexicon: LexiconRef? = nil) {
        self.storedFirst = Int32(truncatingIfNeeded: first)
        self.storedLast = Int32(truncatingIfNeeded: last)
        self.storedNumeralFirst = Int32(truncatingIfNeeded: numeralFirst)
        self.storedNumeralLast = Int32(truncatingIfNeeded: numeralLast)
        self.value = value
        self.kind = kind
        self.words = words
        self.plainInteger = plainInteger
        self.rule = rule
        self.lexicon = lexicon
        self.scale = scale
    }

    var hasUnitOrCurrency: Bool { unit != nil || currency != nil }

    /// An atom to be overwritten: the initial value of one filled in place (`atom(at:into:)`).
    static var placeholder: Atom {
        Atom(
            first: 0, last: 0, numeralFirst: 0, numeralLast: 0, value: .zero, kind: .cardinal, scale: nil, words: false,
            plainInteger: false, rule: .digits)
    }
}
