import GazetteCore

/// Ratios written with words: "1 over 20", "two out of three", "one in five" (a fraction).
extension QuantityScanner {
    /// Joins two bare numbers linked by "over", "out of", or (after one) "in" into a fraction.
    func joinRatios(_ atoms: inout [Atom]) {
        // The kinds and the one- or two-token gap of `ratio`'s guard, tested before the atoms are copied.
        joinPairs(&atoms, when: { atoms, index in
            atoms[index].kind == .cardinal && atoms[index + 1].kind == .cardinal && !atoms[index].isRange && !atoms[index + 1].isRange
                && (1...2).contains(atoms[index + 1].first - atoms[index].last - 1)
        }, ratio)
    }

    func ratio(_ a: Atom, _ b: Atom) -> Atom? {
        guard a.kind == .cardinal, b.kind == .cardinal, !a.hasUnitOrCurrency, !b.hasUnitOrCurrency, !a.isRange, !b.isRange,
              a.value.isInteger, b.value.isInteger, b.value > .zero, b.first == b.numeralFirst, a.last == a.numeralLast,
              tokens[a.last].sentence == tokens[b.first].sentence else { return nil }
        let gap = b.first - a.last - 1
        if gap == 1, isWord(a.last + 1, "over") {
        } else if gap == 2, isWord(a.last + 1, "out"), isWord(a.last + 2, "of"), a.value <= b.value {
        } else if gap == 1, isWord(a.last + 1, "in"), a.value == .one || a.value == ExactNumber(integer: -1) {
        } else {
            return nil
        }
        // "1 in 2020": a year is not a denominator.
        if b.plainInteger, b.scale == nil, tokens[b.numeralFirst].range.length == 4, isYear(b.value) { return nil }
        guard keep(a), let value = a.value.divided(by: b.value) else { return nil }
        var joined = a
        joined.last = b.last
        joined.numeralLast = b.numeralLast
        joined.value = value
        joined.kind = .fraction
        joined.scale = nil
        joined.plainInteger = false
        joined.words = a.words && b.words
        joined.endTrim = b.endTrim
        joined.rule = .fractionRatio
        return joined
    }
}
