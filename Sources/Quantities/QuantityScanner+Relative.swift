import GazetteCore

/// Relative ordinals: "the last but one", "next to last", "the next item", "a previous version".
/// The value is the offset from a reference point, which is the unit: "end" (the last item) or
/// "current" (the item at hand): "the second to last" is -1 from the end, "next" +1 from the
/// current one.
extension QuantityScanner {
    func relativeOrdinal(at index: Int, _ wordIndex: Int, last: Int) -> Atom? {
        let word = tables.numbers[wordIndex]
        guard word.relative != nil else { return nil }
        // A capitalised word inside a sentence belongs to a name.
        if isCapitalized(index), !tokens[index].isSentenceInitial { return nil }
        if word.ambiguous {
            // "will last", "to last", "at last": a verb or an adverb.
            if index > 0, tokens[index - 1].sentence == tokens[index].sentence, isIn(EnglishWords.beforeVerbFilter, index - 1) { return nil }
            // Before a number and the things counted ("the last two books", "next 3 files"), or,
            // without a determiner, before a singular noun ("delete last line"); never before a
            // time word or a unit ("last year", "next Tuesday", "the last 2 km"). After a
            // determiner only the attributive ones: "the next item", "a previous version" (but
            // "the last line" is left alone: "last" there mostly means "final").
            let next = last + 1
            guard next < tokens.count, tokens[next].sentence == tokens[index].sentence, tokens[next].spaceBefore else { return nil }
            var counted = -1
            if tokens[next].kind == .number {
                guard isPlainDigits(next) else { return nil }
                counted = next + 1
            } else {
                guard tokens[next].kind == .word, isLowercaseWord(next), !isGluedHyphen(next + 1) else { return nil }
                if let (other, otherLast) = numberWord(at: next) {
                    guard tables.numbers[other].kind == .cardinal, !tables.numbers[other].beforeMultiplierOnly else { return nil }
                    counted = otherLast + 1
                } else {
                    guard word.attributive || index == 0 || !isIn(EnglishWords.determinerFilter, index - 1) else { return nil }
                    let noun = lower(next)
                    if EnglishWords.phraseBreakers.contains(noun) || EnglishWords.looksPlural(noun) { return nil }
                    if isIn(EnglishWords.timeNounFilter, next) || isIn(EnglishWords.monthFilter, next) { return nil }
                }
            }
            if counted >= 0 {
                guard counted < tokens.count, tokens[counted].sentence == tokens[index].sentence, tokens[counted].kind == .word,
                      isLowercaseWord(counted), unitMatch(at: counted) == nil, currencySuffix(at: counted) == nil,
                      !isIn(EnglishWords.timeNounFilter, counted) else { return nil }
            }
        }
        var first = index
        if word.article, index > 0, isWord(index - 1, "the"), tokens[index - 1].sentence == tokens[index].sentence { first = index - 1 }
        var atom = Atom(
            first: first, last: last, numeralFirst: first, numeralLast: last, value: word.value, kind: .ordinal,
            scale: nil, words: true, plainInteger: false, rule: .ordinalRelative, lexicon: LexiconRef(.numbers, word.line))
        atom.relative = wordIndex
        return atom
    }
}
