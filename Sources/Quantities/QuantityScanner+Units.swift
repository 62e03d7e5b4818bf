import GazetteCore

/// What follows or precedes a numeral: currency symbols and codes, signs, units, currency names,
/// percent signs, compound adjectives ("10-mile") and ages ("21-year-old", "five years old").
extension QuantityScanner {
    /// A currency written before the numeral at `index` ("$", "US$", "NT$", "€", "USD"): the
    /// entry and the index of its first token.
    func currencyPrefix(before index: Int) -> (Int, Int)? {
        guard index > 0 else { return nil }
        let end = tokens[index - 1].range.end
        // No currency surface ends where the token before the numeral ends (most numerals).
        guard tables.currencyTrie.mayEnd(bytes, at: end) else { return nil }
        var best: (Int, Int)?
        var start = index - 1
        while start >= max(0, index - 3) {
            if start < index - 1, !glued(start + 1) { break }
            let from = tokens[start].range.start
            tables.currencyTrie.matches(bytes, from: from, limit: end) { entry, matchEnd in
                guard matchEnd == end else { return }
                let currency = tables.currencies[entry]
                guard currency.position.allowsPrefix, currency.factor == nil else { return }
                if tables.currencyCaseSensitive[entry], !UnitTables.matchesExactly(currency.surface, bytes, from, end) { return }
                if currency.ambiguous, isLetters(start), glued(index) == false { return }
                best = (entry, start)
            }
            start -= 1
        }
        guard let found = best else { return nil }
        // A letter code must stand apart from a preceding word ("USD 5", not "aUSD5").
        if found.1 > 0, glued(found.1), tokens[found.1 - 1].kind == .word { return nil }
        return found
    }

    /// "MUSD", "MEUR", "kSEK": a scale letter (M = million, k/K = thousand) glued to an ISO code
    /// written in capitals; the code's row and the factor.
    func scaledCode(at index: Int) -> (Int, ExactNumber)? {
        guard index < tokens.count, tokens[index].kind == .word, tokens[index].range.length == 4 else { return nil }
        let start = tokens[index].range.start
        let factor: ExactNumber
        switch bytes[start] {
        case UInt8(ascii: "M"): factor = ExactNumber(integer: 1_000_000)
        case UInt8(ascii: "k"), UInt8(ascii: "K"): factor = ExactNumber(integer: 1000)
        default: return nil
        }
        for offset in start + 1..<start + 4 where bytes[offset] < UInt8(ascii: "A") || bytes[offset] > UInt8(ascii: "Z") {
            return nil
        }
        let code = String(decoding: UnsafeBufferPointer(rebasing: bytes[start + 1..<start + 4]), as: UTF8.self)
        guard let entry = tables.codeEntry[code] else { return nil }
        return (entry, factor)
    }

    /// "-5", "−5", "minus 80°C": a sign before the numeral.
    func attachSign(_ atom: inout Atom) {
        let before = atom.first - 1
        guard before >= 0, atom.kind != .ordinal else { return }
        if isHyphen(before), glued(atom.first),
           before == 0 || tokens[before].spaceBefore || tokens[before - 1].kind == .symbol
            || tokens[before - 1].kind == .punctuation && !isHyphen(before - 1) {
            guard before == 0 || tokens[before - 1].kind != .number else { return }
            atom.value = atom.value.negated
            atom.first = before
        } else if case let length = tokens[before].range.length, length == 5 || length == 8, // no compare for other lengths
                  isWord(before, "minus") || isWord(before, "negative") {
            atom.value = atom.value.negated
            atom.first = before
        }
    }

    /// The longest unit surface starting at token `index` and ending at a token end.
    func unitMatch(at index: Int) -> (entry: Int, last: Int, trim: Int)? {
        guard index < tokens.count else { return nil }
        let start = tokens[index].range.start
        var best: (Int, Int, Int)?
        var shorter: (Int, Int, Int)?
        tables.unitTrie.matches(bytes, from: start, limit: min(bytes.count, start + 48)) { entry, end in
            var trim = 0
            var found = tokenEnding(at: end, from: index)
            if found == nil, end < bytes.count, bytes[end] == UInt8(ascii: "."), let dotted = tokenEnding(at: end + 1, from: index),
               dotted + 1 >= tokens.count || tokens[dotted + 1].sentence != tokens[dotted].sentence || tokens[dotted + 1].isSentenceInitial
                || isCapitalized(dotted + 1) {
                // "35°C." at the end of a sentence, tokenized as "°" "C.".
                found = dotted
                trim = 1
            }
            guard let last = found else { return }
            if tables.unitCaseSensitive[entry], !UnitTables.matchesExactly(tables.units[entry].surface, bytes, start, end) { return }
            shorter = best
            best = (entry, last, trim)
        }
        // Rates ("barrels a day"): only the amount is the quantity ("411,000 barrels" a day).
        if let (entry, _, _) = best, tables.units[entry].dimension == "volume_flow", let alternative = shorter {
            best = alternative
        }
        return best
    }

    /// The longest currency surface usable after a number, starting at token `index`.
    func currencySuffix(at index: Int) -> (entry: Int, last: Int)? {
        guard index < tokens.count else { return nil }
        let start = tokens[index].range.start
        var best: (Int, Int)?
        tables.currencyTrie.matches(bytes, from: start, limit: min(bytes.count, start + 48)) { entry, end in
            guard let last = tokenEnding(at: end, from: index) else { return }
            let currency = tables.currencies[entry]
            if !currency.position.allowsSuffix {
                // "5 €", "100₾": a symbol after the amount, unless it opens the next amount ("5 €10").
                guard tables.currencySymbolSuffix[entry], currency.factor == nil,
                      !(last + 1 < tokens.count && glued(last + 1) && tokens[last + 1].kind == .number) else { return }
            }
            if tables.currencyCaseSensitive[entry], !UnitTables.matchesExactly(currency.surface, bytes, start, end) { return }
            best = (entry, last)
        }
        return best
    }

    /// Ambiguous surfaces ("m", "in", "C", "won", "second") are read as units only right after a
    /// numeral; the short ones (one or two characters) only when glued to it ("5m", "10in"), or
    /// when they end the sentence ("a pencil 2 in.") or a dimension adjective follows ("2 in thick").
    func acceptsAmbiguous(_ surfaceLength: Int, at index: Int, last: Int, dimension: String? = nil) -> Bool {
        if glued(index) || surfaceLength > 2 { return true }
        let after = last + 1
        // At the end of a sentence, but not a capital that is also a scale ("50 K." may be 50,000).
        let endsSentence = after >= tokens.count || tokens[after].sentence != tokens[last].sentence
            || (tokens[after].kind == .punctuation && tokens[after].range.length == 1
                && (bytes[tokens[after].range.start] == UInt8(ascii: ".") || bytes[tokens[after].range.start] == UInt8(ascii: "!")
                    || bytes[tokens[after].range.start] == UInt8(ascii: "?"))
                && (after + 1 >= tokens.count || tokens[after + 1].sentence != tokens[after].sentence))
        if endsSentence {
            let start = tokens[index].range.start
            return isLowercaseWord(index) || !tables.numberFirstWords.contains(bytes, start, start + surfaceLength)
        }
        // "5 ft 2 in", "1 m 1 m": another amount of the same dimension follows.
        if let dimension, isPlainDigits(after), let (other, _, _) = unitMatch(at: after + 1), tables.units[other].dimension == dimension {
            return true
        }
        // "5 GB of data", "a 2 TB drive": a capital data-size symbol after a number is a unit
        // unless a capitalised word follows ("3 GB Olympians" is not).
        if dimension == "data", surfaceLength == 2, isCapitalLetters(index), after < tokens.count,
           tokens[after].sentence == tokens[last].sentence, !isCapitalized(after) {
            return true
        }
        return isIn(EnglishWords.dimensionAdjectiveFilter, after)
    }

    /// True when every byte of the token is an ASCII capital letter.
    func isCapitalLetters(_ index: Int) -> Bool {
        let range = tokens[index].range
        guard range.length > 0 else { return false }
        for offset in range.start..<range.end where bytes[offset] < UInt8(ascii: "A") || bytes[offset] > UInt8(ascii: "Z") {
            return false
        }
        return true
    }

    /// Attaches a unit, percent sign or currency name after a cardinal.
    func attachUnit(_ atom: inout Atom) {
        let next = atom.last + 1
        guard next < tokens.count, tokens[next].sentence == tokens[atom.numeralLast].sentence else { return }
        // Compound adjective: "10-mile", "five-second", "21-year-old".
        if isGluedHyphen(next), atom.currency == nil, let (unitIndex, last, trim) = unitMatch(at: next + 1),
           tables.units[unitIndex].dimension != "ratio" {
            let unit = tables.units[unitIndex]
            atom.unit = unitIndex
            atom.kind = .measure
            atom.last = last
            atom.endTrim = trim
            atom.rule = .measureCompound
            atom.lexicon = LexiconRef(.units, unit.line)
            if unit.dimension == "duration", isGluedHyphen(last + 1), isWord(last + 2, "old") {
                atom.last = last + 2
                atom.rule = .age
            }
            return
        }
        // "30 MUSD", "120 MEUR": a scale letter glued to an ISO code.
        if atom.currency == nil, let (entry, factor) = scaledCode(at: next), let value = atom.value.multiplied(by: factor) {
            atom.value = value
            atom.scale = factor
            atom.currency = entry
            atom.kind = .money
            atom.last = next
            atom.rule = .moneySuffix
            atom.lexicon = LexiconRef(.currencies, tables.currencies[entry].line)
            return
        }
        let unit = unitMatch(at: next)
        var currency = atom.currency == nil ? currencySuffix(at: next) : nil
        // "pounds" is money unless its sentence speaks of weight ("weighed seven pounds").
        if let (entry, _) = currency, tables.currencies[entry].ambiguous, let (unitIndex, _, _) = unit,
            tables.units[unitIndex].dimension == "mass", sentenceSpeaksOfMass(next)
        {
            currency = nil
        }
        let unitLength = unit.map { tokens[$0.last].range.end - $0.trim - tokens[next].range.start } ?? 0
        let currencyLength = currency.map { tokens[$0.last].range.end - tokens[next].range.start } ?? 0
        if let (entry, last) = currency, currencyLength >= unitLength,
           !tables.currencies[entry].ambiguous || acceptsAmbiguous(currencyLength, at: next, last: last) {
            atom.currency = entry
            atom.kind = .money
            atom.last = last
            atom.rule = .moneySuffix
            atom.lexicon = LexiconRef(.currencies, tables.currencies[entry].line)
            // "75 USD million": the scale after the currency.
            if atom.scale == nil, let (wordIndex, wordLast) = numberWord(at: last + 1), tokens[last + 1].sentence == tokens[last].sentence,
               case let word = tables.numbers[wordIndex], word.kind == .multiplier, !word.times, !word.ambiguous,
               word.value >= ExactNumber(integer: 1000), let value = atom.value.multiplied(by: word.value) {
                atom.value = value
                atom.scale = word.value
                atom.last = wordLast
            }
            return
        }
        guard var (entryIndex, last, trim) = unit, tables.units[entryIndex].position.allowsSuffix,
              !tables.units[entryIndex].ambiguous
                || acceptsAmbiguous(unitLength, at: next, last: last, dimension: tables.units[entryIndex].dimension) else { return }
        // A currency prefix with a unit after it ("$5 a barrel" has no unit; "$5 per kg" is money).
        if atom.currency != nil { return }
        // "degrees" / "°" followed by C or F: a temperature.
        if trim == 0, tables.units[entryIndex].dimension == "angle",
           let (after, afterLast, afterTrim) = unitMatch(at: last + 1) ?? caseFoldedTemperature(at: last + 1),
           tables.units[entryIndex].alternatives.contains(tables.units[after].unit) {
            entryIndex = after
            last = afterLast
            trim = afterTrim
        }
        // "4 km squared", "4km^3": the square or cube of the unit.
        if trim == 0, let (power, powerLast) = unitPower(after: last),
           let raised = tables.unitByID[tables.units[entryIndex].unit + String(power)] {
            entryIndex = raised
            last = powerLast
        }
        let entry = tables.units[entryIndex]
        atom.unit = entryIndex
        atom.last = last
        atom.endTrim = trim
        if entry.dimension == "ratio" && (entry.unit == "%" || entry.unit == "pp") {
            atom.kind = .percent
            atom.rule = .percent
        } else {
            atom.kind = .measure
            atom.rule = .measureUnit
        }
        atom.lexicon = LexiconRef(.units, entry.line)
        // "five years old", "6 weeks of age", "87 yo": an age.
        if entry.age {
            atom.rule = .age
        } else if trim == 0, entry.dimension == "duration", tokens.indices.contains(last + 1), tokens[last + 1].sentence == tokens[last].sentence {
            if isWord(last + 1, "old") {
                atom.last = last + 1
                atom.rule = .age
            } else if isWord(last + 1, "of"), isWord(last + 2, "age"), tokens[last + 2].sentence == tokens[last].sentence {
                atom.last = last + 2
                atom.rule = .age
            }
        }
    }

    /// "percent of 10", "per cent of twenty-two" standing alone: the percent word before its
    /// number (the inverted order of "10 percent"). Only when no number owns the percent word
    /// ("40 percent of 210 seats" is 40% of something) and the number ends the phrase ("percent
    /// of 2020 voters" is not 2020%).
    func invertedPercent(_ atom: inout Atom, after previousLast: Int) {
        let of = atom.first - 1
        guard of >= 1, isWord(of, "of"), tokens[of].sentence == tokens[atom.first].sentence else { return }
        var first = of - 1
        if isWord(first, "cent"), isWord(first - 1, "per") {
            first -= 1
        } else if !isWord(first, "percent") {
            return
        }
        guard first > previousLast, tokens[first].sentence == tokens[atom.first].sentence,
              first == 0 || tokens[first - 1].sentence != tokens[first].sentence || tokens[first - 1].kind != .number,
              let unit = tables.unitByID["%"] else { return }
        let next = atom.last + 1
        if next < tokens.count, tokens[next].sentence == tokens[atom.last].sentence, tokens[next].kind != .punctuation { return }
        atom.first = first
        atom.unit = unit
        atom.kind = .percent
        atom.rule = .percentInverted
        atom.lexicon = LexiconRef(.units, tables.units[unit].line)
    }

    /// "squared", "cubed", "^2", "^3" after a unit ending at token `last`: the power and its last token.
    func unitPower(after last: Int) -> (Int, Int)? {
        let next = last + 1
        guard next < tokens.count, tokens[next].sentence == tokens[last].sentence else { return nil }
        if isWord(next, "squared") { return (2, next) }
        if isWord(next, "cubed") { return (3, next) }
        guard glued(next), tokens[next].range.length == 1, bytes[tokens[next].range.start] == UInt8(ascii: "^"),
              next + 1 < tokens.count, glued(next + 1), tokens[next + 1].range.length == 1 else { return nil }
        let digit = bytes[tokens[next + 1].range.start]
        guard digit == UInt8(ascii: "2") || digit == UInt8(ascii: "3") else { return nil }
        return (Int(digit - UInt8(ascii: "0")), next + 1)
    }

    /// "c" or "f" after "degrees", matched whatever its case.
    func caseFoldedTemperature(at index: Int) -> (Int, Int, Int)? {
        guard index < tokens.count, tokens[index].range.length == 1 else { return nil }
        let letter = bytes[tokens[index].range.start] & ~0x20
        guard letter == UInt8(ascii: "C") || letter == UInt8(ascii: "F") else { return nil }
        for (entryIndex, entry) in tables.units.enumerated()
        where entry.surface.utf8.count == 1 && entry.surface.utf8.first == letter && entry.dimension == "temperature" {
            return (entryIndex, index, 0)
        }
        return nil
    }
}
