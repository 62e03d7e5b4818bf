import GazetteCore

/// Vague plural quantities: "hundreds of homes", "tens of thousands of refugees", "Thousands fled".
///
/// A plural multiplier with no number before it names an order of magnitude, not a value: it is
/// read as an approximate range from two of its base (inclusive) to ten of it (exclusive), so
/// "hundreds" is `min 200, max 1000`, "tens of thousands" `min 20000, max 100000`.
extension QuantityScanner {
    /// The vague plural quantity starting at token `start`, if one does: one or more plural
    /// multipliers ("dozens", "hundreds", "thousands", "millions" ...) joined by "of", each larger
    /// than the one before ("hundreds of thousands"). "tens" counts only before "of".
    /// `first` is the number word `numberWord(at: start)` found there, with its last token.
    func vaguePlural(at start: Int, first: (word: Int, last: Int)) -> Atom? {
        guard tokens[start].kind == .word else { return nil }
        // "Thousands fled" opens a sentence; a capital inside one belongs to a name.
        if isCapitalized(start), !tokens[start].isSentenceInitial { return nil }
        let firstLast = first.last
        let word = tables.numbers[first.word]
        guard isVagueMultiplier(word) else { return nil }
        let sentence = tokens[start].sentence
        var base = word.value
        var largest = word.value
        var last = firstLast
        var chained = false
        // "tens of thousands", "hundreds of millions": "of" and a larger plural multiplier.
        while last + 2 < tokens.count, isWord(last + 1, "of"), tokens[last + 2].sentence == sentence,
              let (nextWord, nextLast) = numberWord(at: last + 2), case let next = tables.numbers[nextWord],
              isVagueMultiplier(next), next.value > largest, let product = base.multiplied(by: next.value) {
            base = product
            largest = next.value
            last = nextLast
            chained = true
        }
        let followedByOf = last + 1 < tokens.count && tokens[last + 1].sentence == sentence && isWord(last + 1, "of")
        // "tens" alone is a digit place ("the tens column"), not a count.
        if word.value == ExactNumber(integer: 10), !chained, !followedByOf { return nil }
        guard let low = base.multiplied(by: ExactNumber(integer: 2)), let high = base.multiplied(by: ExactNumber(integer: 10)) else {
            return nil
        }
        var atom = Atom(
            first: start, last: last, numeralFirst: start, numeralLast: last, value: low, kind: .cardinal,
            scale: base, words: true, plainInteger: false, rule: .vaguePlural, lexicon: LexiconRef(.numbers, word.line))
        atom.isRange = true
        atom.rangeLow = low
        atom.rangeHigh = high
        // The low end is included, the high one is not.
        atom.rangeInclusive = -1
        atom.approximate = true
        // "millions of dollars": an amount of money, in that currency.
        if followedByOf, last + 2 < tokens.count, tokens[last + 2].sentence == sentence, isLetters(last + 2),
           let (entry, currencyLast) = currencySuffix(at: last + 2), case let currency = tables.currencies[entry],
           currency.factor == nil, !(currency.ambiguous && sentenceSpeaksOfMass(last + 2)) {
            atom.currency = entry
            atom.kind = .money
            atom.last = currencyLast
            return atom
        }
        // "hundreds of homes": the noun after "of" is what is counted.
        if followedByOf {
            var probe = atom
            probe.last = last + 1
            atom.counted = countedHead(probe)
        }
        return atom
    }

    /// A plural multiplier that can name an order of magnitude on its own ("hundreds", not
    /// "scores", which is also a verb, nor "hundred").
    private func isVagueMultiplier(_ word: NumberWord) -> Bool {
        word.kind == .multiplier && word.plural && !word.ambiguous && !word.times
    }
}
