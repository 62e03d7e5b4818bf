import GazetteCore

/// The noun a cardinal counts: "3,000 soldiers", "10,000 North Korean troops", "71 of the drones".
extension QuantityScanner {
    /// The token index of the head noun the cardinal counts, if any.
    func countedHead(_ atom: Atom) -> Int? {
        guard atom.kind == .cardinal, atom.unit == nil, atom.currency == nil else { return nil }
        var index = atom.last + 1
        let sentence = tokens[atom.numeralLast].sentence
        guard index < tokens.count, tokens[index].sentence == sentence, tokens[index].spaceBefore else { return nil }
        // "71 of the drones"
        if isWord(index, "of"), index + 1 < tokens.count,
           isIn(EnglishWords.determinerOfFilter, index + 1) {
            index += 2
        }
        let single = atom.value == .one && !atom.isRange
        var candidate: Int?
        var steps = 0
        while index < tokens.count, steps < 6, tokens[index].sentence == sentence {
            steps += 1
            let token = tokens[index]
            guard token.kind == .word else { break }
            let word = lower(index)
            // Hyphenated modifiers ("long-range", "ice-class", "P-8I").
            if isGluedHyphen(index + 1), index + 2 < tokens.count, tokens[index + 2].kind != .punctuation {
                index += 3
                while index < tokens.count, glued(index) { index += 1 }
                continue
            }
            if EnglishWords.countModifiers.contains(word) {
                index += 1
                continue
            }
            if EnglishWords.phraseBreakers.contains(word) { break }
            // A number word ends the phrase ("nine of 11").
            let isNumberWord = numberWord(at: index) != nil
            let plural = (isNumberWord || !single) && EnglishWords.looksPlural(word)
            if isNumberWord, !plural { break }
            if single {
                if isLowercaseWord(index) {
                    candidate = index
                    break
                }
            } else if plural {
                candidate = index
                break
            }
            index += 1
        }
        return candidate
    }
}
