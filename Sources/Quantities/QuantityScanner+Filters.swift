import GazetteCore

/// What is not a quantity: years, dates, times of day, identifiers ("F-16", "COVID-19",
/// "Resolution 2334"), calendar periods ("the first half"), "one" as a pronoun.
extension QuantityScanner {
    func keep(_ atom: Atom) -> Bool {
        let first = atom.numeralFirst
        let last = atom.numeralLast
        let before = first - 1
        let after = last + 1
        if !atom.words, atom.first == first {
            // Identifiers with a unit-like letter: "SCP-173m", "Boeing 777F".
            if before >= 1, isHyphen(before), glued(first), glued(before),
               tokens[before - 1].kind == .word || isLetters(before - 1) {
                return false
            }
            if let unit = atom.unit, tables.units[unit].ambiguous, atom.plainInteger, glued(last + 1), before >= 0,
               tokens[before].sentence == tokens[first].sentence, tokens[before].kind == .word, isCapitalized(before),
               !tokens[before].isSentenceInitial, tokens[first].spaceBefore {
                return false
            }
        }
        if atom.isRange || atom.hasUnitOrCurrency || atom.kind == .percent { return true }
        let sameSentence = { (index: Int) in index >= 0 && index < tokens.count && tokens[index].sentence == tokens[first].sentence }
        // Dates: next to a month name ("December 3", "3rd of May", "May 8, 1945").
        if sameSentence(before), isIn(EnglishWords.monthFilter, before) { return false }
        if sameSentence(after), isIn(EnglishWords.monthFilter, after) { return false }
        if sameSentence(after + 1), isWord(after, "of"), isIn(EnglishWords.monthFilter, after + 1) { return false }
        // "nearly four times faster", "a fivefold rise": multipliers, not counts.
        if sameSentence(after), isWord(after, "times") { return false }
        // "the first half of the year": a calendar period.
        if atom.kind == .fraction, atom.words, sameSentence(before), let (word, _) = numberWord(at: before), tables.numbers[word].kind == .ordinal { return false }
        if atom.kind == .ordinal {
            // "the first half of the year", "the third quarter".
            if sameSentence(after), let (word, _) = numberWord(at: after), tables.numbers[word].kind == .fraction { return false }
            return true
        }
        if !atom.words {
            // Years (not after a comparison: "above 1000 and below 1500").
            if atom.plainInteger, atom.scale == nil, tokens[first].range.length == 4, isYear(atom.value),
               !(sameSentence(before) && isIn(EnglishWords.comparisonEndFilter, before)) {
                return false
            }
            // Times: "10:30", "3 pm".
            if sameSentence(after), tokens[after].range.length == 1, bytes[tokens[after].range.start] == UInt8(ascii: ":"), glued(after) { return false }
            if sameSentence(before), tokens[before].range.length == 1, bytes[tokens[before].range.start] == UInt8(ascii: ":"), glued(first) { return false }
            if sameSentence(after), isIn(EnglishWords.timeWordFilter, after) { return false }
            // Identifiers: "F-16", "COVID-19", "No. 5", "Resolution 2334", "5G".
            if before >= 1, isHyphen(before), glued(first), glued(before), tokens[before - 1].kind == .word { return false }
            if sameSentence(before), isIn(EnglishWords.identifierWordFilter, before) { return false }
            if sameSentence(before), glued(first), tokens[before].kind == .word { return false }
            if sameSentence(after), glued(after), tokens[after].kind == .word, atom.scale == nil { return false }
            if atom.plainInteger, sameSentence(before), tokens[before].kind == .word, isCapitalized(before),
               !tokens[before].isSentenceInitial, tokens[first].spaceBefore {
                return false
            }
        } else if atom.kind == .cardinal, atom.value == .one, atom.numeralFirst == atom.numeralLast {
            // "one of the most ...", "the one", "one another": a pronoun.
            if isWord(after, "of") || isWord(after, "another") { return false }
            if sameSentence(before), isIn(EnglishWords.pronounOneBeforeFilter, before) { return false }
            if after >= tokens.count || tokens[after].kind == .punctuation { return false }
        }
        return true
    }
}
