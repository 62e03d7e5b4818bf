import GazetteCore

/// Ranges: "between 3,000 and 5,000", "10-15", "four to six months", "$5-10 million",
/// "two or three days" (patterns from `ranges.tsv`).
extension QuantityScanner {
    /// Joins consecutive atoms that a range pattern links. Hyphen-linked numbers that do not make
    /// a range ("won 3-2", "2010-2012", "555-1234") are dropped.
    func joinRanges(_ atoms: inout [Atom]) {
        var index = 0
        while index + 1 < atoms.count {
            // `range`'s first guard on a few fields (same sentence, a gap of at most 24 bytes),
            // before the atoms are copied: most pairs are far apart.
            let gapStart = tokens[atoms[index].last].range.end
            let gapEnd = tokens[atoms[index + 1].first].range.start
            guard gapEnd >= gapStart, gapEnd - gapStart <= 24,
                  tokens[atoms[index].last].sentence == tokens[atoms[index + 1].first].sentence else {
                index += 1
                continue
            }
            switch range(atoms[index], atoms[index + 1]) {
            case .joined(let joined):
                atoms[index] = joined
                atoms.remove(at: index + 1)
                index += 1
            case .rejectedPair:
                atoms.removeSubrange(index...index + 1)
            case .none:
                index += 1
            }
        }
    }

    enum RangeOutcome {
        case joined(Atom)
        case rejectedPair
        case none
    }

    /// The gap between two atoms, lower-cased, whitespace runs as one space.
    func gapText(_ a: Atom, _ b: Atom) -> String? {
        let start = tokens[a.last].range.end
        let end = tokens[b.first].range.start
        guard end >= start, end - start <= 24 else { return nil }
        // Written straight into the string (a small one: no allocation).
        return String(unsafeUninitializedCapacity: end - start) { result in
            var count = 0
            for offset in start..<end {
                let byte = SurfaceTrie.fold(bytes[offset])
                if byte == 0x20 && count > 0 && result[count - 1] == 0x20 { continue }
                result[count] = byte
                count += 1
            }
            return count
        }
    }

    /// The token index where a prefix ("between ", given by its words) ends right before token
    /// `index`, if it does.
    func prefixStart(_ words: [String], before index: Int) -> Int? {
        guard !words.isEmpty, index >= words.count else { return words.isEmpty ? index : nil }
        for (offset, word) in words.reversed().enumerated() {
            let tokenIndex = index - 1 - offset
            guard lower(tokenIndex) == word else { return nil }
        }
        return index - words.count
    }

    func range(_ a: Atom, _ b: Atom) -> RangeOutcome {
        // Ordinals make a range only with words around them: "between the tenth and the fifteenth".
        let ordinals = a.kind == .ordinal && b.kind == .ordinal && a.relative == nil && b.relative == nil
        guard ordinals || (a.kind != .ordinal && b.kind != .ordinal), a.kind != .fraction || b.kind == .fraction,
              tokens[a.last].sentence == tokens[b.first].sentence else { return .none }
        // Most gaps are no middle of any pattern: told on their bytes, with no string built.
        if !ordinals {
            switch gapOutcomeWithoutPattern(a, b) {
            case 0: return .none
            case 1: return .rejectedPair
            default: break
            }
        }
        guard var gap = gapText(a, b) else { return .none }
        var start = a.first
        if ordinals {
            guard gap.hasPrefix(" "), gap.hasSuffix(" ") else { return .none }
            if gap.hasSuffix(" the ") { gap.removeLast(4) }
            if isWord(a.first - 1, "the") { start = a.first - 1 }
        }
        // Suspended hyphen: "8- to 16-meter".
        if gap.hasPrefix("- "), gap.count > 2 { gap.removeFirst() }
        var hyphenGap = false
        // Only the rows whose middle is the gap (the index gives them in table order).
        let candidates = tables.rangesByMiddle[gap] ?? []
        for patternIndex in candidates {
            let pattern = tables.ranges[patternIndex]
            if pattern.ambiguous { hyphenGap = true }
            if ordinals, pattern.isAlternative || pattern.prefix.isEmpty { continue }
            var first = a.first
            if !pattern.prefix.isEmpty {
                guard let prefixFirst = prefixStart(pattern.prefixWords, before: start) else { continue }
                first = prefixFirst
            } else if let other = candidates.first(where: { !tables.ranges[$0].prefix.isEmpty && prefixStart(tables.ranges[$0].prefixWords, before: start) != nil }) {
                // A longer pattern ("between X and Y") applies; let it be tried.
                _ = other
                continue
            }
            if let joined = join(a, b, patternIndex, first: first) { return .joined(joined) }
        }
        // "-" and "–" between bare numbers: scores, years, codes.
        if hyphenGap || gap == "-" { return a.hasUnitOrCurrency || b.hasUnitOrCurrency ? .none : .rejectedPair }
        return .none
    }

    /// How `range` ends for two atoms (not ordinals) whose gap is no pattern's middle, told on
    /// the gap's bytes (ASCII-folded, whitespace runs as one space, hashed as they are read):
    /// 0 for `.none`, 1 for `.rejectedPair`; -1 when the gap may be a middle, is not ASCII or is
    /// a suspended hyphen ("8- to 16-meter"), for `range` to read it as a string.
    func gapOutcomeWithoutPattern(_ a: Atom, _ b: Atom) -> Int8 {
        guard tables.rangeMiddleBytesExact else { return -1 }
        let start = tokens[a.last].range.end
        let end = tokens[b.first].range.start
        guard end >= start, end - start <= 24 else { return 0 }
        var fnv: UInt64 = 0xcbf29ce484222325
        var count = 0
        var first: UInt8 = 0
        var second: UInt8 = 0
        var previous: UInt8 = 0
        for offset in start..<end {
            let raw = bytes[offset]
            guard raw < 0x80 else { return -1 }
            let byte = SurfaceTrie.fold(raw)
            if byte == 0x20 && count > 0 && previous == 0x20 { continue }
            if count == 0 { first = byte } else if count == 1 { second = byte }
            fnv = (fnv ^ UInt64(byte)) &* 0x100000001b3
            previous = byte
            count += 1
        }
        if count > 2, first == UInt8(ascii: "-"), second == 0x20 { return -1 }
        if tables.rangeMiddleFilter.contains(fnv: fnv, length: count, first: first, second: second, last: previous) { return -1 }
        // No candidate rows: only a bare hyphen is judged.
        if count == 1, first == UInt8(ascii: "-") { return a.hasUnitOrCurrency || b.hasUnitOrCurrency ? 0 : 1 }
        return 0
    }

    func join(_ a: Atom, _ b: Atom, _ patternIndex: Int, first: Int) -> Atom? {
        let pattern = tables.ranges[patternIndex]
        // Units and currencies: written once, they apply to both ends; written twice, they agree.
        if let ua = a.unit, let ub = b.unit, tables.units[ua].unit != tables.units[ub].unit { return nil }
        if let ca = a.currency, let cb = b.currency, tables.currencies[ca].code != tables.currencies[cb].code { return nil }
        if a.unit != nil && b.currency != nil || a.currency != nil && b.unit != nil { return nil }
        if a.kind != b.kind, a.kind != .cardinal, !(a.kind == .money && b.kind == .cardinal) { return nil }
        var low = a.value
        var high = b.value
        // "from -18 °C to -34 °C": negative ends written by magnitude.
        if low < .zero, high < .zero, high < low, a.scale == nil, b.scale == nil { (low, high) = (high, low) }
        if a.scale == nil, let scale = b.scale, !a.words || b.words, low < (high.divided(by: scale) ?? high) || low == (high.divided(by: scale) ?? high),
           let scaled = low.multiplied(by: scale) {
            low = scaled
        }
        guard low < high else { return nil }
        if a.plainInteger, b.plainInteger, isYear(a.value), isYear(b.value) { return nil }
        if pattern.change, changeBefore(first) { return nil }
        var joined = b
        joined.first = first
        joined.numeralFirst = a.numeralFirst
        if joined.currency == nil, let currency = a.currency {
            joined.currency = currency
            joined.kind = .money
        }
        if joined.unit == nil, let unit = a.unit {
            joined.unit = unit
            joined.kind = a.kind
        }
        if pattern.ambiguous || pattern.isAlternative {
            // Without a unit, currency or scale, a hyphen range must count something ("10-15 vessels").
            if !joined.hasUnitOrCurrency, joined.scale == nil {
                guard countedHead(joined) != nil else { return nil }
            }
        }
        joined.isRange = true
        joined.rangeLow = low
        joined.rangeHigh = high
        joined.rangeInclusive = 1
        joined.rangePattern = Int32(truncatingIfNeeded: patternIndex)
        joined.approximate = pattern.approximate
        joined.rule = .range
        joined.lexicon = LexiconRef(.ranges, pattern.line)
        return joined
    }

    /// True when a change verb ("rose", "cut", "by") stands within three tokens before `index`.
    func changeBefore(_ index: Int) -> Bool {
        var cursor = index - 1
        while cursor >= max(0, index - 3) {
            if tokens[cursor].kind == .punctuation { return false }
            if isIn(EnglishWords.changeWordFilter, cursor) { return true }
            cursor -= 1
        }
        return false
    }

    func isYear(_ value: ExactNumber) -> Bool {
        guard let integer = value.intValue else { return false }
        return integer >= 1000 && integer <= 2199
    }
}
