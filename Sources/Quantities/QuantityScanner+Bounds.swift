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
        while start >= max(0, atom.first - 6), end >= 0 {
            if tokens[start].range.start < previousEnd || tokens[start].sentence != tokens[atom.first].sentence { break }
            let from = tokens[start].range.start
            tables.qualifierTrie.matches(bytes, from: from, limit: end) { entry, matchEnd in
                guard matchEnd == end else { return }
                let qualifier = tables.qualifiers[entry]
                guard qualifier.position.allowsPrefix, qualifier.bound != .exact, !qualifier.article else { return }
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
            atom.qualifier = qualifier
            atom.qualifierFirst = start
            atom.qualifierLast = atom.first - 1
            atom.first = start
            return
        }
        // Suffix qualifiers: "10,000 or more", "50-plus", "20-odd".
        let next = atom.last + 1
        guard next < tokens.count, tokens[next].sentence == tokens[atom.last].sentence else { return }
        let hyphen = isGluedHyphen(next)
        let from = hyphen ? next + 1 : next
        guard from < tokens.count else { return }
        var suffix: (Int, Int)?
        tables.qualifierTrie.matches(bytes, from: tokens[from].range.start, limit: min(bytes.count, tokens[from].range.start + 24)) { entry, matchEnd in
            let qualifier = tables.qualifiers[entry]
            guard qualifier.position.allowsSuffix, qualifier.bound != .exact, !qualifier.article,
                  let last = tokenEnding(at: matchEnd, from: from) else { return }
            if qualifier.ambiguous, !hyphen, !(glued(from) && tokens[from].kind != .word) { return }
            suffix = (entry, last)
        }
        if let (qualifier, last) = suffix {
            atom.qualifier = qualifier
            atom.qualifierFirst = next
            atom.qualifierLast = last
            atom.last = last
        }
    }

    func bound(_ qualifier: Qualifier, _ value: String) -> QuantityBound {
        let approximate: Bool? = qualifier.approximate ? true : nil
        switch qualifier.bound {
        case .min: return QuantityBound(min: value, inclusive: qualifier.inclusive, approximate: approximate)
        case .max: return QuantityBound(max: value, inclusive: qualifier.inclusive, approximate: approximate)
        case .approx, .exact: return QuantityBound(approximate: true)
        }
    }
}
