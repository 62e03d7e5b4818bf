import GazetteCore

/// Bound qualifiers: "as many as 10,000", "more than $40bn", "about 200", "10,000 or more".
extension QuantityScanner {
    /// Attaches the longest qualifier written right before the quantity (or right after it, for
    /// suffix qualifiers), without reaching back into the previous quantity (ending at `previousEnd`).
    func attachQualifier(_ atom: inout Atom, after previousEnd: Int) {
        guard !atom.isRange, atom.qualifier == nil else { return }
        let end = atom.first > 0 ? tokens[atom.first - 1].range.end : -1
        var best: (Int, Int)?
        var start = atom.first - 1
        // No qualifier ends where the token before the atom ends (most atoms): no walk at all.
        if end >= 0, !tables.qualifierTrie.mayEnd(bytes, at: end) { start = -1 }
        while start >= max(0, atom.first - 6), end >= 0 {
            if tokens[start].range.start < previousEnd || tokens[start].sentence != tokens[atom.first].sentence { break }
            let from = tokens[start].range.start
            tables.qualifierTrie.matches(bytes, from: from, limit: end) { entry, matchEnd in
                guard matchEnd == end else { return }
                let qualifier = tables.qualifiers[entry]
                guard qualifier.position.allowsPrefix, qualifier.bound != .exact || qualifier.equal, !qualifier.article else { return }
                // "over three days" is "during": ambiguous qualifiers are not read before durations.
                if qualifier.ambiguous, let unit = atom.unit, tables.units[unit].dimension == "duration" { return }
                // "1,100 metres over 13.5 km": "over" right after another quantity is "across".
                if qualifier.ambiguous, start > 0, tokens[start - 1].range.end == previousEnd { return }
                // "the estimated €2.3 billion": a determiner makes the word an adjective.
                if qualifier.bound == .approx, start > 0, isWord(start - 1, "the") { return }
                best = (entry, start)
            }
            start -= 1
        }
        if let (qualifier, start) = best {
            // "about 500 or more": the bound is the suffix's; the prefix makes it approximate.
            if tables.qualifiers[qualifier].bound == .approx, let (suffix, last) = suffixQualifier(atom),
               tables.qualifiers[suffix].bound == .min || tables.qualifiers[suffix].bound == .max {
                atom.qualifier = suffix
                atom.qualifierFirst = atom.last + 1
                atom.qualifierLast = last
                atom.last = last
                atom.approxLast = atom.first - 1
                atom.first = start
                atom.approximate = true
                return
            }
            atom.qualifier = qualifier
            atom.qualifierFirst = start
            atom.qualifierLast = atom.first - 1
            atom.first = start
            return
        }
        if let (qualifier, last) = suffixQualifier(atom) {
            atom.qualifier = qualifier
            atom.qualifierFirst = atom.last + 1
            atom.qualifierLast = last
            atom.last = last
        }
    }

    /// A suffix qualifier after the atom ("10,000 or more", "50-plus", "20-odd"): the entry and
    /// its last token.
    func suffixQualifier(_ atom: Atom) -> (Int, Int)? {
        let next = atom.last + 1
        guard next < tokens.count, tokens[next].sentence == tokens[atom.last].sentence else { return nil }
        let hyphen = isGluedHyphen(next)
        let from = hyphen ? next + 1 : next
        guard from < tokens.count else { return nil }
        var suffix: (Int, Int)?
        tables.qualifierTrie.matches(bytes, from: tokens[from].range.start, limit: min(bytes.count, tokens[from].range.start + 24)) { entry, matchEnd in
            let qualifier = tables.qualifiers[entry]
            guard qualifier.position.allowsSuffix, qualifier.bound != .exact, !qualifier.article,
                  let last = tokenEnding(at: matchEnd, from: from) else { return }
            // "200 or greater than 190": the phrase qualifies the next number.
            if isWord(last + 1, "than") || (last + 1 < tokens.count && tokens[last + 1].kind == .number) { return }
            // "and more importantly": an adverb follows, the phrase is not a bound.
            if last + 1 < tokens.count, tokens[last + 1].kind == .word, tokens[last + 1].range.length > 3,
               bytes[tokens[last + 1].range.end - 2] == UInt8(ascii: "l"), bytes[tokens[last + 1].range.end - 1] == UInt8(ascii: "y") {
                return
            }
            if qualifier.ambiguous, !hyphen, !(glued(from) && tokens[from].kind != .word) { return }
            suffix = (entry, last)
        }
        return suffix
    }

    func bound(_ qualifier: Qualifier, _ value: String) -> QuantityBound {
        let approximate: Bool? = qualifier.approximate ? true : nil
        switch qualifier.bound {
        case .min: return QuantityBound(min: value, inclusive: qualifier.inclusive, approximate: approximate)
        case .max: return QuantityBound(max: value, inclusive: qualifier.inclusive, approximate: approximate)
        case .exact where qualifier.equal: return QuantityBound(min: value, max: value, inclusive: true)
        case .approx, .exact: return QuantityBound(approximate: true)
        }
    }

    /// "more than 100 and less than 300", "at most 100 and at least 20": a lower and an upper
    /// bound on the same thing, joined by "and" or "but", are one range.
    func joinBounds(_ a: Atom, _ b: Atom) -> Atom? {
        guard let qa = a.qualifier, let qb = b.qualifier, !a.isRange, !b.isRange, a.qualifierFirst == a.first,
              b.qualifierFirst == b.first, b.first - a.last == 2, isWord(a.last + 1, "and") || isWord(a.last + 1, "but"),
              tokens[a.last].sentence == tokens[b.first].sentence else { return nil }
        let boundA = tables.qualifiers[qa]
        let boundB = tables.qualifiers[qb]
        let lower: (Atom, Qualifier)
        let upper: (Atom, Qualifier)
        switch (boundA.bound, boundB.bound) {
        case (.min, .max): (lower, upper) = ((a, boundA), (b, boundB))
        case (.max, .min): (lower, upper) = ((b, boundB), (a, boundA))
        default: return nil
        }
        if let ua = a.unit, let ub = b.unit, tables.units[ua].unit != tables.units[ub].unit { return nil }
        if let ca = a.currency, let cb = b.currency, tables.currencies[ca].code != tables.currencies[cb].code { return nil }
        if a.kind != b.kind, a.kind != .cardinal, b.kind != .cardinal { return nil }
        guard lower.0.value < upper.0.value else { return nil }
        var joined = b.hasUnitOrCurrency || !a.hasUnitOrCurrency ? b : a
        joined.first = a.first
        joined.last = b.last
        joined.numeralFirst = a.numeralFirst
        joined.numeralLast = b.numeralLast
        joined.endTrim = b.endTrim
        joined.qualifier = nil
        let lowInclusive = lower.1.inclusive ?? true
        let highInclusive = upper.1.inclusive ?? true
        joined.isRange = true
        joined.rangeLow = lower.0.value
        joined.rangeHigh = upper.0.value
        joined.rangeInclusive = lowInclusive == highInclusive ? (lowInclusive ? 1 : 0) : -1
        joined.rangePattern = -1
        joined.approximate = lower.1.approximate || upper.1.approximate
        joined.rule = .rangeBounds
        joined.lexicon = LexiconRef(.qualifiers, boundA.line)
        return joined
    }
}
