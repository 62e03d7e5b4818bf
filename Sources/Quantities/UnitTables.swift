import Foundation

/// The `Lexicons/units` tables, loaded and compiled for matching: units, currencies, number
/// words, bound qualifiers and range patterns. Immutable once loaded.
public struct UnitTables: Sendable {
    var units: [UnitEntry] = []
    var currencies: [CurrencyEntry] = []
    var numbers: [NumberWord] = []
    var qualifiers: [Qualifier] = []
    var ranges: [RangePattern] = []
    /// The rows of `ranges` by their middle (" to " → its rows, in table order).
    var rangesByMiddle: [String: [Int]] = [:]
    /// The middles, for a test of an ASCII gap on its bytes; valid (`rangeMiddleBytesExact`)
    /// when no middle is canonically equivalent to an ASCII text other than itself, so that an
    /// ASCII gap equals a middle (as strings) only when their bytes are equal.
    var rangeMiddleFilter = WordFilter()
    var rangeMiddleBytesExact = true
    /// Entries whose surface must match with its exact case, per table.
    var unitCaseSensitive: [Bool] = []
    var currencyCaseSensitive: [Bool] = []
    /// The first row of each canonical unit id ("km2" → its first row).
    var unitByID: [String: Int] = [:]
    /// Per currency entry: a symbol without ASCII letters or "$" ("€", "₾", "元"), which may
    /// also follow the amount ("5 €", "100₾").
    var currencySymbolSuffix: [Bool] = []
    /// The factor of each currency code's minor unit (USD → 0.01), from the minor-unit rows.
    var minorFactor: [String: ExactNumber] = [:]
    /// The row of each ISO code written as itself ("USD" → its `USD` row).
    var codeEntry: [String: Int] = [:]
    var numberCaseSensitive: [Bool] = []
    /// Per table (`LexiconRef.Table`), per line: the reference text of each row ("units.tsv:12"),
    /// made once at load ("" for lines with no row).
    private var lexiconTexts: [[String]] = []

    /// The longest single-token number word, in bytes (a quick filter for the scanner).
    var longestNumberWord = 0
    /// The first words of the number words (a token that is none of them starts no numeral).
    var numberFirstWords = WordFilter()
    var unitTrie = SurfaceTrie()
    var currencyTrie = SurfaceTrie()
    var numberTrie = SurfaceTrie()
    var qualifierTrie = SurfaceTrie()

    /// The file names read from the directory.
    public static let fileNames = ["units.tsv", "currencies.tsv", "numbers.tsv", "qualifiers.tsv", "ranges.tsv"]

    /// Loads the five tables from `directory` (normally `<Lexicons>/units`).
    public init(directory: String) throws(UnitTableError) {
        func read(_ name: String) throws(UnitTableError) -> String {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else {
                throw UnitTableError(file: path, line: 0, message: "cannot read the file")
            }
            return String(decoding: data, as: UTF8.self)
        }
        try self.init(
            units: read("units.tsv"), currencies: read("currencies.tsv"), numbers: read("numbers.tsv"),
            qualifiers: read("qualifiers.tsv"), ranges: read("ranges.tsv"))
    }

    /// Loads the tables from their texts (the contents of the five files).
    public init(units: String, currencies: String, numbers: String, qualifiers: String, ranges: String) throws(UnitTableError) {
        try loadUnits(units)
        try loadCurrencies(currencies)
        try loadNumbers(numbers)
        try loadQualifiers(qualifiers)
        try loadRanges(ranges)
        unitTrie.compile()
        currencyTrie.compile()
        numberTrie.compile()
        qualifierTrie.compile()
        let lines: [(LexiconRef.Table, [Int])] = [
            (.units, self.units.map(\.line)), (.currencies, self.currencies.map(\.line)), (.numbers, self.numbers.map(\.line)),
            (.qualifiers, self.qualifiers.map(\.line)), (.ranges, self.ranges.map(\.line)),
        ]
        lexiconTexts = Array(repeating: [], count: lines.count)
        for (table, rows) in lines {
            var texts = [String](repeating: "", count: (rows.max() ?? -1) + 1)
            for line in rows where line >= 0 { texts[line] = LexiconRef(table, line).description }
            lexiconTexts[Int(table.rawValue)] = texts
        }
    }

    /// The text of a lexicon reference ("units.tsv:12"), made at load for the tables' rows.
    func lexiconText(_ reference: LexiconRef) -> String {
        let table = Int(reference.table.rawValue)
        let line = Int(reference.line)
        if table < lexiconTexts.count, line >= 0, line < lexiconTexts[table].count, !lexiconTexts[table][line].isEmpty {
            return lexiconTexts[table][line]
        }
        return reference.description
    }

    private static func number(_ text: String, _ file: String, _ line: Int, _ column: String) throws(UnitTableError) -> ExactNumber {
        guard let value = ExactNumber(parsing: text) else {
            throw UnitTableError(file: file, line: line, message: "\(column) '\(text)' is not an exact decimal or n/d")
        }
        return value
    }

    private mutating func loadUnits(_ text: String) throws(UnitTableError) {
        let file = "units.tsv"
        for line in try TableLine.parse(text, file: file, columns: 5) {
            let c = line.columns
            guard !c[1].isEmpty, !c[2].isEmpty else {
                throw UnitTableError(file: file, line: line.number, message: "empty unit or dimension")
            }
            var factor: ExactNumber?
            var siUnit: String?
            if c[3] != "-" || c[4] != "-" {
                guard c[3] != "-", c[4] != "-" else {
                    throw UnitTableError(file: file, line: line.number, message: "si_unit and si_factor must both be given or both be '-'")
                }
                factor = try Self.number(c[4], file, line.number, "si_factor")
                siUnit = c[3]
            }
            var offset: ExactNumber?
            if let raw = line.features["offset"] { offset = try Self.number(raw, file, line.number, "offset") }
            let entry = UnitEntry(
                surface: c[0], unit: c[1], dimension: c[2], siUnit: siUnit, siFactor: factor, offset: offset,
                ambiguous: line.flag("ambiguous"), position: SurfacePosition(line.features["position"], default: .suffix),
                alternatives: line.features["alt"].map { $0.split(separator: ",").map(String.init) } ?? [], age: line.flag("age"),
                line: line.number)
            unitTrie.insert(entry.surface, index: units.count)
            units.append(entry)
            unitCaseSensitive.append(line.features["case"] == "sensitive")
            if unitByID[entry.unit] == nil { unitByID[entry.unit] = units.count - 1 }
        }
    }

    private mutating func loadCurrencies(_ text: String) throws(UnitTableError) {
        let file = "currencies.tsv"
        for line in try TableLine.parse(text, file: file, columns: 2) {
            let code = line.columns[1]
            guard code.utf8.count == 3, code.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else {
                throw UnitTableError(file: file, line: line.number, message: "code '\(code)' is not a three-letter ISO 4217 code")
            }
            var factor: ExactNumber?
            if let raw = line.features["factor"] { factor = try Self.number(raw, file, line.number, "factor") }
            let entry = CurrencyEntry(
                surface: line.columns[0], code: code, ambiguous: line.flag("ambiguous"),
                position: SurfacePosition(line.features["position"], default: .both), factor: factor, line: line.number)
            currencyTrie.insert(entry.surface, index: currencies.count)
            currencies.append(entry)
            currencyCaseSensitive.append(line.features["case"] == "sensitive")
            currencySymbolSuffix.append(!entry.surface.utf8.contains { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 == 0x24 }
                && entry.surface.utf8.first.map { $0 >= 0x80 } == true)
            if let factor, factor == ExactNumber(1, 100), minorFactor[code] == nil { minorFactor[code] = factor }
            if entry.surface == code, codeEntry[code] == nil { codeEntry[code] = currencies.count - 1 }
        }
    }

    private mutating func loadNumbers(_ text: String) throws(UnitTableError) {
        let file = "numbers.tsv"
        for line in try TableLine.parse(text, file: file, columns: 3) {
            let c = line.columns
            guard let kind = NumberWordKind(rawValue: c[2]) else {
                throw UnitTableError(file: file, line: line.number, message: "unknown kind '\(c[2])'")
            }
            var fraction: ExactNumber?
            if let raw = line.features["fraction"] { fraction = try Self.number(raw, file, line.number, "fraction") }
            let word = NumberWord(
                surface: c[0], value: try Self.number(c[1], file, line.number, "value"), kind: kind, fraction: fraction,
                ambiguous: line.flag("ambiguous"), beforeMultiplierOnly: line.features["context"] == "before_multiplier",
                approximate: line.flag("approximate"), plural: line.flag("plural"), times: line.flag("times"),
                alsoUnit: (line.features["also"] ?? "").contains("units"), relative: line.features["relative"],
                article: line.flag("article"), attributive: line.flag("attributive"), line: line.number)
            numberTrie.insert(word.surface, index: numbers.count)
            numberFirstWords.insert(String(word.surface.split(separator: " ").first ?? ""))
            longestNumberWord = max(longestNumberWord, word.surface.split(separator: " ").first.map { $0.utf8.count } ?? 0)
            numbers.append(word)
            numberCaseSensitive.append(line.features["case"] == "sensitive")
        }
    }

    private mutating func loadQualifiers(_ text: String) throws(UnitTableError) {
        let file = "qualifiers.tsv"
        for line in try TableLine.parse(text, file: file, columns: 4) {
            let c = line.columns
            guard let bound = QualifierBound(rawValue: c[1]) else {
                throw UnitTableError(file: file, line: line.number, message: "unknown bound '\(c[1])'")
            }
            let inclusive: Bool?
            switch c[2] {
            case "1": inclusive = true
            case "0": inclusive = false
            case "-": inclusive = nil
            default: throw UnitTableError(file: file, line: line.number, message: "inclusive must be 1, 0 or -, not '\(c[2])'")
            }
            guard c[3] == "1" || c[3] == "0" else {
                throw UnitTableError(file: file, line: line.number, message: "approximate must be 1 or 0, not '\(c[3])'")
            }
            let qualifier = Qualifier(
                phrase: c[0], bound: bound, inclusive: inclusive, approximate: c[3] == "1",
                position: SurfacePosition(line.features["position"], default: .prefix), article: line.flag("article"),
                ambiguous: line.flag("ambiguous"), equal: line.flag("equal"), line: line.number)
            qualifierTrie.insert(qualifier.phrase, index: qualifiers.count)
            qualifiers.append(qualifier)
        }
    }

    private mutating func loadRanges(_ text: String) throws(UnitTableError) {
        let file = "ranges.tsv"
        for line in try TableLine.parse(text, file: file, columns: 4) {
            let c = line.columns
            let pattern = c[0]
            guard let x = pattern.range(of: "X"), let y = pattern.range(of: "Y"), x.upperBound <= y.lowerBound,
                  pattern[y.upperBound...].isEmpty else {
                throw UnitTableError(file: file, line: line.number, message: "pattern '\(pattern)' must be '[prefix ]X<middle>Y'")
            }
            guard c[1] == "range" || c[1] == "alternative" else {
                throw UnitTableError(file: file, line: line.number, message: "unknown kind '\(c[1])'")
            }
            let middle = String(pattern[x.upperBound..<y.lowerBound]).lowercased()
            rangesByMiddle[middle, default: []].append(ranges.count)
            rangeMiddleFilter.insert(middle)
            if !middle.utf8.allSatisfy({ $0 < 0x80 }), middle.decomposedStringWithCanonicalMapping.utf8.allSatisfy({ $0 < 0x80 }) {
                rangeMiddleBytesExact = false
            }
            var row = RangePattern(
                pattern: pattern, prefix: String(pattern[..<x.lowerBound]).lowercased(),
                middle: String(pattern[x.upperBound..<y.lowerBound]).lowercased(), isAlternative: c[1] == "alternative",
                inclusive: c[2] == "1", approximate: c[3] == "1", change: line.flag("change"),
                ambiguous: line.flag("ambiguous"), line: line.number)
            row.prefixWords = row.prefix.split(separator: " ").map(String.init)
            row.rule = "range-" + RangePattern.ruleName(pattern)
            ranges.append(row)
        }
    }

    /// True when the text `[start, end)` equals `surface` exactly (whitespace runs matching one space).
    static func matchesExactly(_ surface: String, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var offset = start
        for byte in surface.utf8 {
            guard offset < end else { return false }
            if byte == 0x20 {
                guard SurfaceTrie.isSpace(bytes[offset]) else { return false }
                while offset < end, SurfaceTrie.isSpace(bytes[offset]) { offset += 1 }
            } else {
                guard bytes[offset] == byte else { return false }
                offset += 1
            }
        }
        return offset == end
    }
}
