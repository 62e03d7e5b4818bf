import GazetteCore

/// One pass over a tokenized document: finds numerals, attaches units, currencies, signs,
/// qualifiers and counted nouns, joins ranges, drops years, dates, times and identifiers.
struct QuantityScanner {
    let tables: UnitTables
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: [Token]

    /// The document's quantities, in order.
    func scan() -> [Quantity] {
        var atoms: [Atom] = []
        return scan(reusing: &atoms)
    }

    /// `scan()` building its atoms in `atoms` (emptied first, keeping its capacity): a buffer
    /// kept from document to document is allocated once, not once per document.
    func scan(reusing atoms: inout [Atom]) -> [Quantity] {
        atoms.removeAll(keepingCapacity: true)
        // Filled in place by `atom(at:into:)` (an `Atom?` result is copied out twice).
        var atom = Atom.placeholder
        var index = 0
        while index < tokens.count {
            // The cheap test first, in a tight loop over the tokens: returning "no atom" as an
            // Optional<Atom> clears a few hundred bytes, too much to do for every token.
            index = nextCandidate(from: index)
            guard index < tokens.count else { break }
            if self.atom(at: index, into: &atom) {
                if atom.kind == .cardinal, atom.unit == nil, atom.currency == nil {
                    invertedPercent(&atom, after: atoms.isEmpty ? -1 : atoms[atoms.count - 1].last)
                }
                // Room for a document's usual count at the first atom (growing one by one copies
                // every atom at each step).
                if atoms.isEmpty { atoms.reserveCapacity(32) }
                atoms.append(atom)
                index = atom.last + 1
            } else {
                index += 1
            }
        }
        guard !atoms.isEmpty else { return [] }
        if atoms.count > 1 {
            joinMinorUnits(&atoms)
            joinRatios(&atoms)
            joinRanges(&atoms)
        }
        // Filter, attach qualifiers and join bounds in place (atoms are copied as little as possible).
        var count = 0
        var previousEnd = -1
        for index in atoms.indices {
            guard keep(atoms[index]) else { continue }
            attachQualifier(&atoms[index], after: previousEnd)
            guard tokens[atoms[index].first].range.start >= previousEnd else { continue }
            previousEnd = tokens[atoms[index].last].range.end
            // Both must have a qualifier (`joinBounds`'s first test, here on the fields in place:
            // passing the atoms copies them).
            if count > 0, atoms[count - 1].qualifier != nil, atoms[index].qualifier != nil,
               let joined = joinBounds(atoms[count - 1], atoms[index]) {
                atoms[count - 1] = joined
            } else {
                if count != index { atoms[count] = atoms[index] }
                count += 1
            }
        }
        var quantities: [Quantity] = []
        quantities.reserveCapacity(count)
        for index in 0..<count {
            if atoms[index].counted == nil { atoms[index].counted = countedHead(atoms[index]) }
            quantities.append(quantity(atoms[index]))
        }
        return quantities
    }

    /// The first token from `start` on where a numeral may start, or the token count: a number,
    /// or a word or symbol that is the first word of a number word. Most tokens are rejected by
    /// their kind or by the filter's shape test (`candidateScan`, a loop on raw pointers); the
    /// rest are looked up in the filter.
    func nextCandidate(from start: Int) -> Int {
        let filter = tables.numberFirstWords
        return tokens.withUnsafeBufferPointer { tokens in
            filter.withShapeTables { shapes, lowBits in
                guard let tokenBase = tokens.baseAddress, let byteBase = bytes.baseAddress,
                      let shapeBase = shapes.baseAddress, let lowBase = lowBits.baseAddress else { return tokens.count }
                var index = start
                while true {
                    index = Self.candidateScan(tokenBase, tokens.count, from: index, byteBase, shapeBase, lowBase)
                    guard index < tokens.count else { return tokens.count }
                    let range = tokens[index].range
                    if tokens[index].kind == .number || filter.contains(bytes, range.start, range.end) { return index }
                    index += 1
                }
            }
        }
    }

    /// The first token from `start` on that is a number, or a word or symbol that is empty or
    /// passes the shape test of `WordFilter.mayContain` with these tables; else `count`.
    /// Everything it reads comes in as a raw pointer, so the loop keeps it all in registers.
    @inline(never)
    static func candidateScan(
        _ tokens: UnsafePointer<Token>, _ count: Int, from start: Int, _ bytes: UnsafePointer<UInt8>,
        _ shapes: UnsafePointer<UInt32>, _ lowBits: UnsafePointer<UInt8>
    ) -> Int {
        var index = start
        while index < count {
            let token = tokens[index]
            switch token.kind {
            case .number:
                return index
            case .word, .symbol:
                let length = token.range.end &- token.range.start
                guard length > 0 else { return index }
                if WordFilter.mayContain(bytes + token.range.start, length: length, shapes: shapes, lowBits: lowBits) { return index }
            case .punctuation:
                break
            }
            index &+= 1
        }
        return count
    }

    /// The numeral starting at `index` with its sign, currency and unit, if one starts there:
    /// true when one does, written into `atom` (left in an unspecified state otherwise).
    func atom(at index: Int, into atom: inout Atom) -> Bool {
        let token = tokens[index]
        let first = bytes[token.range.start]
        var prefix: (Int, Int)?
        var signed = false
        var prefixScale: ExactNumber?
        switch token.kind {
        case .number:
            (prefix, signed, prefixScale) = moneyPrefix(before: index)
            guard digitNumeral(at: index, money: prefix != nil, into: &atom) else { return false }
        case .word, .symbol:
            guard token.range.length <= tables.longestNumberWord, tables.numberTrie.canStart(with: first),
                  let (wordIndex, wordLast) = numberWord(at: index) else { return false }
            if tables.numbers[wordIndex].kind == .relative {
                guard let relative = relativeOrdinal(at: index, wordIndex, last: wordLast) else { return false }
                atom = relative
                return true
            }
            // "a", "an": read only with a number word after them ("a dozen", "an eighth"); without
            // one (most of them) `wordNumeral` reads nothing, and is not run.
            if tables.numbers[wordIndex].kind == .cardinal, tables.numbers[wordIndex].beforeMultiplierOnly {
                var next = wordLast + 1
                if isGluedHyphen(next) { next += 1 }
                guard next < tokens.count, tokens[next].sentence == token.sentence, numberWord(at: next) != nil else { return false }
            }
            // A spelled-out numeral does not depend on a currency before it: most words that may
            // start one ("a", "second") start none, and are rejected before the prefix is looked for.
            if wordNumeral(at: index, first: (wordIndex, wordLast), into: &atom) {
                (prefix, signed, prefixScale) = moneyPrefix(before: index)
            } else {
                // "hundreds of homes", "millions of dollars" (its currency comes after it)
                guard let vague = vaguePlural(at: index, first: (wordIndex, wordLast)) else { return false }
                atom = vague
            }
        case .punctuation:
            return false
        }
        if signed { atom.value = atom.value.negated }
        // "ALL 5 solutions": a code that is also a word, before a count of something, is the word.
        if let (_, start) = prefix, isLetters(start), prefixScale == nil, countedHead(atom) != nil { prefix = nil }
        if let factor = prefixScale, let value = atom.value.multiplied(by: factor) {
            atom.value = value
            atom.scale = factor
        }
        if let (currency, start) = prefix {
            atom.currency = currency
            atom.first = start
            atom.kind = .money
            atom.rule = isLetters(start) ? .moneyCodePrefix : .moneySymbolPrefix
            atom.lexicon = LexiconRef(.currencies, tables.currencies[currency].line)
        }
        attachSign(&atom)
        if atom.kind == .cardinal || atom.kind == .fraction { attachUnit(&atom) }
        finishValue(&atom)
        return true
    }

    /// The currency written before the numeral at `index` ("$", "USD"), with its first token;
    /// whether a sign stands between it and the amount ("$-99.99"); and the factor of a scaled
    /// code ("MAUD 60").
    func moneyPrefix(before index: Int) -> ((Int, Int)?, Bool, ExactNumber?) {
        if let found = currencyPrefix(before: index) { return (found, false, nil) }
        // "$-99.99": a sign between the currency symbol and the amount.
        if index >= 2, isHyphen(index - 1), glued(index), glued(index - 1),
           let found = currencyPrefix(before: index - 1), !isLetters(found.1) {
            return (found, true, nil)
        }
        // "MAUD 60": a scaled code before the amount.
        if index > 0, !glued(index), let (entry, factor) = scaledCode(at: index - 1) {
            return ((entry, index - 1), false, factor)
        }
        return (nil, false, nil)
    }

    /// "3 dollars and 50 cents", "£5 20p": an amount in a currency followed by an amount in one
    /// of its minor units is one amount (and "5 ft 2 in" one measure). Joins in place.
    func joinMinorUnits(_ atoms: inout [Atom]) {
        // Only an amount or a measure starts a pair (tested before the atoms are copied).
        joinPairs(&atoms, when: { atoms, index in atoms[index].currency != nil || atoms[index].kind == .measure }, unitPair)
    }

    /// Replaces each pair of consecutive atoms that `join` makes one by the joined atom, in place
    /// (a joined atom is not joined again with the next). `candidate(atoms, index)` is a cheap
    /// test on a few fields: false when `join` would certainly return nil for the pair at `index`,
    /// which then is not copied out to be tried.
    func joinPairs(_ atoms: inout [Atom], when candidate: ([Atom], Int) -> Bool, _ join: (Atom, Atom) -> Atom?) {
        var index = 0
        while index + 1 < atoms.count {
            if candidate(atoms, index), let joined = join(atoms[index], atoms[index + 1]) {
                atoms[index] = joined
                atoms.remove(at: index + 1)
            }
            index += 1
        }
    }

    /// Two atoms that make one amount or measure ("3 dollars and 50 cents", "5 ft 2 in"), joined.
    func unitPair(_ a: Atom, _ next: Atom) -> Atom? {
        // Only an amount or a measure starts a pair.
        guard a.currency != nil || a.kind == .measure else { return nil }
        do {
            if let major = a.currency, tables.currencies[major].factor == nil, a.value.isInteger,
               a.value >= .zero, let minor = next.currency, tables.currencies[minor].factor != nil,
               tables.currencies[minor].code == tables.currencies[major].code, next.first == next.numeralFirst,
               let gap = gapText(a, next), gap == " " || gap == " and ",
               let sum = a.value.adding(next.value) {
                var joined = a
                joined.value = sum
                joined.last = next.last
                joined.endTrim = next.endTrim
                joined.rule = .moneyMajorMinor
                return joined
            }
            // "5 feet 2 inches", "2 hours and 30 minutes": a measure and a smaller unit of its
            // dimension are one measure, in the first unit.
            if a.kind == .measure, case let b = next, b.kind == .measure, !a.isRange, !b.isRange,
               a.value.isInteger, a.value >= .zero, b.value >= .zero, b.first == b.numeralFirst, a.qualifier == nil,
               let ua = a.unit, let ub = b.unit, case let unitA = tables.units[ua], case let unitB = tables.units[ub],
               unitA.dimension == unitB.dimension, unitA.dimension != "duration", unitA.offset == nil,
               let fa = unitA.siFactor, let fb = unitB.siFactor, fb < fa, let ratio = fb.divided(by: fa),
               let part = b.value.multiplied(by: ratio), part < .one,
               let gap = gapText(a, b), gap == " " || gap == " and ", let sum = a.value.adding(part) {
                var joined = a
                joined.value = sum
                joined.last = b.last
                joined.endTrim = b.endTrim
                joined.rule = .measureCompoundUnits
                return joined
            }
            // "15 dollars and 50", "17 USD 25", "$100 and fifty" at the end of a clause: cents.
            if let major = a.currency, tables.currencies[major].factor == nil, a.scale == nil,
               a.value.isInteger, a.value >= .zero, let factor = tables.minorFactor[tables.currencies[major].code],
               case let b = next, b.unit == nil, b.scale == nil, !b.isRange,
               // "17 USD 25": the code may have been read as the prefix of the cents too.
               b.kind == .cardinal && b.currency == nil && b.first == b.numeralFirst
                || b.kind == .money && b.first == a.last && b.numeralFirst == a.last + 1 && b.currency.map({ tables.currencies[$0].code }) == tables.currencies[major].code,
               b.value.isInteger, b.value > .zero, b.value < ExactNumber(integer: 100),
               clauseEnds(after: b.last), b.first == a.last || gapText(a, b).map({ $0 == " " || $0 == " and " }) == true,
               let cents = b.value.multiplied(by: factor), let sum = a.value.adding(cents) {
                var joined = a
                joined.value = sum
                joined.last = b.last
                joined.rule = .moneyMajorMinor
                return joined
            }
        }
        return nil
    }

    /// True when the sentence ends, or a punctuation mark follows, after token `index`.
    func clauseEnds(after index: Int) -> Bool {
        let next = index + 1
        return next >= tokens.count || tokens[next].sentence != tokens[index].sentence
            || (tokens[next].kind == .punctuation && !isHyphen(next))
    }

    /// Applies a currency's minor-unit factor.
    func finishValue(_ atom: inout Atom) {
        if let currency = atom.currency, let factor = tables.currencies[currency].factor, let value = atom.value.multiplied(by: factor) {
            atom.value = value
        }
    }

    /// Builds the output annotation.
    ///
    /// The rule names how the numeral was read; a bound qualifier attached to it is named after
    /// it as `+qualifier(PREFIX|SUFFIX)`, where PREFIX and SUFFIX are the byte lengths of the
    /// qualifier text (with the space or hyphen joining it) before and after the numeric core:
    /// "about $35 million" is `money-symbol-prefix+qualifier(6|0)`. Tools that compare with
    /// conventions that leave qualifiers out of the span (Recognizers-Text) derive the core span
    /// from it.
    func quantity(_ atom: Atom) -> Quantity {
        let range = TextRange(tokens[atom.first].range.start, tokens[atom.last].range.end - atom.endTrim)
        var unit: String?
        var dimension: String?
        var siValue: String?
        var siUnit: String?
        if let currency = atom.currency {
            unit = tables.currencies[currency].code
        } else if let relative = atom.relative {
            unit = tables.numbers[relative].relative
        } else if let index = atom.unit {
            // Read in place (a copy of the row would retain its strings).
            let units = tables.units
            unit = units[index].unit
            if atom.kind == .measure { measureFields(units[index], atom, &dimension, &siValue, &siUnit) }
        }
        var bound: QuantityBound?
        var rule: String
        var lexicon: String?
        if let reference = atom.lexicon { lexicon = tables.lexiconText(reference) }
        let decimal = atom.isRange ? nil : atom.value.decimal
        if atom.isRange {
            rule = atom.rule.rawValue
            let inclusive: Bool? = atom.rangeInclusive < 0 ? nil : atom.rangeInclusive == 1
            bound = QuantityBound(min: atom.rangeLow.decimal, max: atom.rangeHigh.decimal, inclusive: inclusive, approximate: atom.approximate ? true : nil)
            if atom.rangePattern >= 0 {
                let pattern = Int(atom.rangePattern)
                rule = tables.ranges[pattern].rule
                lexicon = tables.lexiconText(LexiconRef(.ranges, tables.ranges[pattern].line))
            }
        } else if let index = atom.qualifier {
            bound = self.bound(tables.qualifiers[index], decimal ?? atom.value.decimal)
            if atom.approximate { bound?.approximate = true }
            var core = range
            if atom.qualifierFirst == atom.first {
                core.start = tokens[atom.qualifierLast + 1].range.start
            } else {
                core.end = tokens[atom.qualifierFirst - 1].range.end
                if atom.approxLast >= 0 { core.start = tokens[atom.approxLast + 1].range.start }
            }
            rule = Self.ruleText(atom.rule, qualifier: (core.start - range.start, range.end - core.end))
        } else {
            rule = atom.rule.rawValue
            if atom.approximate { bound = QuantityBound(approximate: true) }
        }
        var counted: CountedNoun?
        if let head = atom.counted {
            let single = atom.value == .one && !atom.isRange
            counted = CountedNoun(range: tokens[head].range, lemma: single ? lower(head) : singular(head))
        }
        return Quantity(
            range: range, kind: atom.kind, value: decimal, unit: unit,
            dimension: dimension, siValue: siValue, siUnit: siUnit, bound: bound, counted: counted,
            source: Provenance(stage: "quantities", rule: rule, lexicon: lexicon))
    }

    /// A measure's dimension (a bare "degrees" may be a temperature) and its SI value and unit.
    private func measureFields(
        _ entry: borrowing UnitEntry, _ atom: Atom, _ dimension: inout String?, _ siValue: inout String?, _ siUnit: inout String?
    ) {
        dimension = entry.dimension
        // a bare "degrees" (which could be °C or °F) is a temperature where the sentence
        // speaks of one; its scale is unknown, so it has no SI value
        let temperature = !entry.alternatives.isEmpty && entry.alternatives.allSatisfy { $0 == "°C" || $0 == "°F" }
            && entry.dimension == "angle" && sentenceSpeaksOfTemperature(atom.first)
        if temperature {
            dimension = "temperature"
        } else if !atom.isRange, let factor = entry.siFactor, let target = entry.siUnit {
            let base = entry.offset.flatMap { atom.value.adding($0) } ?? atom.value
            if let si = base.multiplied(by: factor)?.exactDecimal {
                siValue = si
                siUnit = target
            }
        }
    }

    /// The rule's name followed by `+qualifier(PREFIX|SUFFIX)`, written into one string (no
    /// interpolation, no appends).
    static func ruleText(_ rule: QuantityRule, qualifier: (prefix: Int, suffix: Int)) -> String {
        var name = rule.rawValue
        let marker: StaticString = "+qualifier("
        let count = name.utf8.count + marker.utf8CodeUnitCount + ExactNumber.decimalCount(qualifier.prefix) + 1
            + ExactNumber.decimalCount(qualifier.suffix) + 1
        return name.withUTF8 { name in String(unsafeUninitializedCapacity: count) { buffer in
            var position = 0
            for byte in name {
                buffer[position] = byte
                position += 1
            }
            for offset in 0..<marker.utf8CodeUnitCount {
                buffer[position] = marker.utf8Start[offset]
                position += 1
            }
            position = ExactNumber.writeDecimal(qualifier.prefix, into: buffer, at: position)
            buffer[position] = UInt8(ascii: "|")
            position = ExactNumber.writeDecimal(qualifier.suffix, into: buffer, at: position + 1)
            buffer[position] = UInt8(ascii: ")")
            return position + 1
        } }
    }

    // MARK: - Token helpers

    /// True when a word of token `index`'s sentence is a temperature cue ("temperature", "heat").
    func sentenceSpeaksOfTemperature(_ index: Int) -> Bool {
        sentence(of: index, hasWordIn: EnglishWords.temperatureCues, longest: EnglishWords.temperatureCueMaxLength)
    }

    /// True when a word of token `index`'s sentence speaks of weight ("weighed", "heavy", "tonnes").
    func sentenceSpeaksOfMass(_ index: Int) -> Bool {
        sentence(of: index, hasWordIn: EnglishWords.massCues, longest: EnglishWords.massCueMaxLength)
    }

    /// True when a word of token `index`'s sentence (lower-cased, 2 bytes or more) is in `words`.
    private func sentence(of index: Int, hasWordIn words: Set<String>, longest: Int) -> Bool {
        guard index >= 0, index < tokens.count else { return false }
        let sentence = tokens[index].sentence
        var position = index
        while position > 0, tokens[position - 1].sentence == sentence { position -= 1 }
        while position < tokens.count, tokens[position].sentence == sentence {
            if tokens[position].range.length >= 2, tokens[position].range.length <= longest, words.contains(lower(position)) {
                return true
            }
            position += 1
        }
        return false
    }

    /// The token's bytes compared case-insensitively with an ASCII word (inlined: most calls
    /// end at the length test).
    @inline(__always)
    func isWord(_ index: Int, _ word: StaticString) -> Bool {
        guard index >= 0, index < tokens.count else { return false }
        let range = tokens[index].range
        guard range.length == word.utf8CodeUnitCount else { return false }
        let pointer = word.utf8Start
        for offset in 0..<range.length where SurfaceTrie.fold(bytes[range.start + offset]) != pointer[offset] {
            return false
        }
        return true
    }

    /// True when the token (ASCII-folded) is one of the words of `set`; hashes the bytes only.
    @inline(__always)
    func isIn(_ set: WordFilter, _ index: Int) -> Bool {
        guard index >= 0, index < tokens.count else { return false }
        let range = tokens[index].range
        return range.length <= set.longest && set.contains(bytes, range.start, range.end)
    }

    /// The token's text, lower-cased.
    func lower(_ index: Int) -> String {
        let range = tokens[index].range
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range.start..<range.end]), as: UTF8.self).lowercased()
    }

    /// `EnglishWords.singular` of the token's text; a printable-ASCII token on its bytes (its
    /// lower-cased text written straight from them, irregular plurals found by `WordClasses`).
    func singular(_ index: Int) -> String {
        let range = tokens[index].range
        let word = UnsafeBufferPointer(rebasing: bytes[range.start..<range.end])
        guard EnglishWords.isPrintableASCII(word) else { return EnglishWords.singular(text(index)) }
        let classes = WordClasses.english
        let entry = classes.entry(bytes, range.start, range.end)
        if classes.flags(entry).contains(.irregular) { return classes.singular(entry) }
        let lower = String(unsafeUninitializedCapacity: word.count) { buffer in
            for offset in 0..<word.count { buffer[offset] = SurfaceTrie.fold(word[offset]) }
            return word.count
        }
        return EnglishWords.asciiSingular(lower) ?? EnglishWords.singular(lower)
    }

    /// The token's text.
    func text(_ index: Int) -> String {
        let range = tokens[index].range
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range.start..<range.end]), as: UTF8.self)
    }

    /// True when the token is directly attached to the one before it (no space).
    func glued(_ index: Int) -> Bool {
        index > 0 && index < tokens.count && !tokens[index].spaceBefore && tokens[index].sentence == tokens[index - 1].sentence
    }

    /// True for a hyphen token (or en dash / minus) between two tokens with no spaces.
    func isGluedHyphen(_ index: Int) -> Bool {
        guard index > 0, index + 1 < tokens.count, glued(index), glued(index + 1) else { return false }
        return isHyphen(index)
    }

    func isHyphen(_ index: Int) -> Bool {
        guard index >= 0, index < tokens.count else { return false }
        let range = tokens[index].range
        if range.length == 1 { return bytes[range.start] == UInt8(ascii: "-") }
        // U+2010 hyphen, U+2011, U+2013 en dash, U+2212 minus.
        if range.length == 3 {
            let (b0, b1, b2) = (bytes[range.start], bytes[range.start + 1], bytes[range.start + 2])
            return (b0 == 0xE2 && b1 == 0x80 && (b2 == 0x90 || b2 == 0x91 || b2 == 0x93)) || (b0 == 0xE2 && b1 == 0x88 && b2 == 0x92)
        }
        return false
    }

    /// True when the token starts with an ASCII letter.
    func isLetters(_ index: Int) -> Bool {
        let byte = bytes[tokens[index].range.start]
        return (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// True when the token starts with an upper-case ASCII letter.
    func isCapitalized(_ index: Int) -> Bool {
        let byte = bytes[tokens[index].range.start]
        return byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }

    /// True when every letter of the token is lower-case ASCII.
    func isLowercaseWord(_ index: Int) -> Bool {
        guard tokens[index].kind == .word else { return false }
        let range = tokens[index].range
        for offset in range.start..<range.end {
            let byte = bytes[offset]
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { return false }
        }
        return true
    }

    /// The index of the token ending at byte `end`, searching from `from` forward.
    func tokenEnding(at end: Int, from: Int) -> Int? {
        var index = from
        while index < tokens.count, tokens[index].range.end < end { index += 1 }
        return index < tokens.count && tokens[index].range.end == end ? index : nil
    }
}
