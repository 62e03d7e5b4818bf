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
        let classes = WordClasses.english
        var candidate: Int?
        var steps = 0
        while index < tokens.count, steps < 6, tokens[index].sentence == sentence {
            steps += 1
            let token = tokens[index]
            guard token.kind == .word else { break }
            // Hyphenated modifiers ("long-range", "ice-class", "P-8I").
            if isGluedHyphen(index + 1), index + 2 < tokens.count, tokens[index + 2].kind != .punctuation {
                index += 3
                while index < tokens.count, glued(index) { index += 1 }
                continue
            }
            // A printable-ASCII word is looked up on its bytes; any other as a lower-cased string.
            let range = token.range
            let ascii = EnglishWords.isPrintableASCII(UnsafeBufferPointer(rebasing: bytes[range.start..<range.end]))
            let entry = ascii ? classes.entry(bytes, range.start, range.end) : -1
            let word = ascii ? "" : lower(index)
            let flags = classes.flags(entry)
            if ascii ? flags.contains(.countModifier) : EnglishWords.countModifiers.contains(word) {
                index += 1
                continue
            }
            if ascii ? flags.contains(.phraseBreaker) : EnglishWords.phraseBreakers.contains(word) { break }
            // A number word ends the phrase ("nine of 11").
            let isNumberWord = numberWord(at: index) != nil
            let plural = (isNumberWord || !single)
                && (ascii ? classes.looksPlural(entry, bytes, range.start, range.end) : EnglishWords.looksPlural(word))
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
