import GazetteCore

/// Numerals: digits ("3,000", "1.5bn", "2 1/2", "3rd") and number words ("twenty-five",
/// "one and a half million", "two-thirds", "twenty-first").
extension QuantityScanner {
    /// The longest number word starting at token `index` and ending at a token end.
    func numberWord(at index: Int) -> (word: Int, last: Int)? {
        guard index < tokens.count else { return nil }
        let start = tokens[index].range.start
        var best: (Int, Int)?
        tables.numberTrie.matches(bytes, from: start, limit: min(bytes.count, start + 40)) { entry, end in
            guard let last = tokenEnding(at: end, from: index) else { return }
            if tables.numberCaseSensitive[entry], !UnitTables.matchesExactly(tables.numbers[entry].surface, bytes, start, end) { return }
            best = (entry, last)
        }
        return best
    }

    /// The numeral at `index`. `money`: a currency precedes, so a glued "m" is millions.
    func numeral(at index: Int, money: Bool) -> Atom? {
        if tokens[index].kind == .number { return digitNumeral(at: index, money: money) }
        return wordNumeral(at: index)
    }

    /// Parses a digit token: grouping commas, a decimal point, an ordinal suffix.
    func digitValue(_ index: Int) -> (value: ExactNumber, ordinal: Bool, plain: Bool)? {
        let range = tokens[index].range
        var end = range.end
        var ordinal = false
        if range.length >= 3 {
            let a = bytes[end - 2] | 0x20
            let b = bytes[end - 1] | 0x20
            if (a == UInt8(ascii: "s") && b == UInt8(ascii: "t")) || (a == UInt8(ascii: "n") && b == UInt8(ascii: "d"))
                || (a == UInt8(ascii: "r") && b == UInt8(ascii: "d")) || (a == UInt8(ascii: "t") && b == UInt8(ascii: "h")) {
                ordinal = true
                end -= 2
            }
        }
        var plain = true
        for offset in range.start..<end {
            let byte = bytes[offset]
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") {
                plain = false
            } else if byte < UInt8(ascii: "0") || byte > UInt8(ascii: "9") {
                return nil
            }
        }
        guard bytes[range.start] >= UInt8(ascii: "0"), bytes[range.start] <= UInt8(ascii: "9"),
              bytes[end - 1] >= UInt8(ascii: "0"), bytes[end - 1] <= UInt8(ascii: "9") else { return nil }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range.start..<end]), as: UTF8.self)
        guard let value = ExactNumber(parsing: text, allowGrouping: true) else { return nil }
        if ordinal, !value.isInteger { return nil }
        return (value, ordinal, plain)
    }

    func isPlainDigits(_ index: Int, count: Int? = nil) -> Bool {
        guard index < tokens.count, tokens[index].kind == .number else { return false }
        let range = tokens[index].range
        if let count, range.length != count { return false }
        for offset in range.start..<range.end where bytes[offset] < UInt8(ascii: "0") || bytes[offset] > UInt8(ascii: "9") {
            return false
        }
        return true
    }

    func isSlash(_ index: Int) -> Bool {
        index < tokens.count && tokens[index].range.length == 1 && bytes[tokens[index].range.start] == UInt8(ascii: "/")
    }

    func digitNumeral(at index: Int, money: Bool) -> Atom? {
        guard let (parsed, ordinal, plain) = digitValue(index) else { return nil }
        var atom = Atom(
            first: index, last: index, numeralFirst: index, numeralLast: index, value: parsed,
            kind: ordinal ? .ordinal : .cardinal, scale: nil, words: false, plainInteger: plain,
            rule: ordinal ? "ordinal-digits" : "digits")
        if ordinal { return atom }
        var next = index + 1
        // "3 000 000": space-grouped thousands.
        if plain, tokens[index].range.length <= 3 {
            while isPlainDigits(next, count: 3), tokens[next].spaceBefore, tokens[next].sentence == tokens[index].sentence,
                  !isSlash(next + 1) {
                guard let grouped = atom.value.multiplied(by: ExactNumber(integer: 1000))?
                    .adding(ExactNumber(parsing: text(next)) ?? .zero) else { break }
                atom.value = grouped
                atom.last = next
                atom.plainInteger = false
                next += 1
            }
        }
        // "3/4" and "2 1/2".
        if plain, atom.last == index, isSlash(next), glued(next), isPlainDigits(next + 1), glued(next + 1), !isSlash(next + 2),
           let denominator = ExactNumber(parsing: text(next + 1)), let fraction = atom.value.divided(by: denominator) {
            atom.value = fraction
            atom.last = next + 1
            atom.kind = .fraction
            atom.rule = "fraction-digits"
            atom.plainInteger = false
            return atom
        }
        if plain, isPlainDigits(next), tokens[next].spaceBefore, isSlash(next + 1), glued(next + 1), isPlainDigits(next + 2),
           glued(next + 2), !isSlash(next + 3), let n = ExactNumber(parsing: text(next)),
           let d = ExactNumber(parsing: text(next + 2)), n < d, let fraction = n.divided(by: d), let mixed = atom.value.adding(fraction) {
            atom.value = mixed
            atom.last = next + 2
            atom.plainInteger = false
            atom.rule = "digits-mixed-fraction"
            next += 3
        } else if glued(next), let (wordIndex, last) = numberWord(at: next), tables.numbers[wordIndex].kind == .fraction, last == next,
                  case let word = tables.numbers[wordIndex],
                  let mixed = atom.value.adding(word.value) {
            // "2½"
            atom.value = mixed
            atom.last = next
            atom.plainInteger = false
            atom.rule = "digits-mixed-fraction"
            next += 1
        }
        // Scale suffix glued to the digits ("1.5bn", "10k", "£80m") or a multiplier word
        // ("1.5 million", "322 hundred").
        var lastMultiplier: ExactNumber?
        while next < tokens.count, let (wordIndex, last) = numberWord(at: next) {
            let word = tables.numbers[wordIndex]
            let isGlued = glued(next)
            var factor: ExactNumber?
            switch word.kind {
            case .scaleSuffix:
                if isGlued {
                    if !word.alsoUnit || money { factor = word.value }
                } else if money || (!word.ambiguous && !word.alsoUnit) {
                    factor = word.value
                }
            case .multiplier:
                if !word.times, tokens[next].sentence == tokens[index].sentence, !(word.ambiguous && !money && !isGlued) {
                    factor = word.value
                }
            default:
                break
            }
            guard let factor, let scaled = atom.value.multiplied(by: factor) else { break }
            atom.value = scaled
            atom.scale = atom.scale.flatMap { $0.multiplied(by: factor) } ?? factor
            atom.last = last
            atom.plainInteger = false
            atom.rule = "digits-scale"
            atom.lexicon = LexiconRef(.numbers, word.line)
            next = last + 1
            lastMultiplier = word.kind == .multiplier && !isGlued && tokens[index].range.length <= 3 && parsed.isInteger ? word.value : nil
        }
        // Digits and multiplier words mixed: "4 thousand 3 hundred and 21", "3 hundred and 1".
        while let multiplier = lastMultiplier, let (addend, end, smaller) = mixedPart(after: atom.last, below: multiplier),
              let sum = atom.value.adding(addend) {
            atom.value = sum
            atom.last = end
            atom.rule = "digits-words-mixed"
            lastMultiplier = smaller
        }
        atom.numeralLast = atom.last
        return atom
    }

    /// After a multiplier word (`below`: its value): "[and] 3 hundred" (a smaller multiplier
    /// after plain digits) or "and 21" (plain digits below the multiplier). Returns the amount
    /// added, the last token and, when the part ends with a multiplier, that multiplier.
    func mixedPart(after last: Int, below: ExactNumber) -> (ExactNumber, Int, ExactNumber?)? {
        var index = last + 1
        var and = false
        if isWord(index, "and"), tokens[index].sentence == tokens[last].sentence {
            and = true
            index += 1
        }
        guard index < tokens.count, tokens[index].sentence == tokens[last].sentence, tokens[index].spaceBefore,
              isPlainDigits(index), tokens[index].range.length <= 3,
              let digits = ExactNumber(parsing: text(index)), digits > .zero else { return nil }
        if index + 1 < tokens.count, tokens[index + 1].spaceBefore, let (wordIndex, wordLast) = numberWord(at: index + 1),
           tables.numbers[wordIndex].kind == .multiplier, !tables.numbers[wordIndex].times, !tables.numbers[wordIndex].ambiguous {
            let factor = tables.numbers[wordIndex].value
            guard factor < below, let part = digits.multiplied(by: factor), part < below else { return nil }
            return (part, wordLast, factor)
        }
        guard and, digits < below, !(index + 1 < tokens.count && glued(index + 1) && tokens[index + 1].kind != .punctuation) else { return nil }
        return (digits, index, nil)
    }

    /// True when the token after `index` is a content word (not a function word or number).
    func followedByNoun(_ index: Int) -> Bool {
        let next = index + 1
        guard next < tokens.count, tokens[next].sentence == tokens[index].sentence, tokens[next].kind == .word else { return false }
        if isGluedHyphen(next) { return true }
        let word = lower(next)
        return !EnglishWords.phraseBreakers.contains(word) && numberWord(at: next) == nil
    }

    /// Spelled-out numbers, composed from the number words of `numbers.tsv`.
    func wordNumeral(at start: Int) -> Atom? {
        // A capitalised number word inside a sentence belongs to a name ("Second Thomas Shoal").
        if isCapitalized(start), !tokens[start].isSentenceInitial { return nil }
        var total = ExactNumber.zero
        var current = ExactNumber.zero
        var any = false
        var pendingArticle = false
        var afterAnd = false
        var lastWasTens = false
        var lastWasMultiplier = false
        var hyphenBefore = false
        var kind: QuantityKind = .cardinal
        var approximate = false
        var scale: ExactNumber?
        var firstLine: Int?
        var index = start
        var last = start - 1
        loop: while index < tokens.count, tokens[index].sentence == tokens[start].sentence {
            guard let (wordIndex, end) = numberWord(at: index) else { break }
            let word = tables.numbers[wordIndex]
            var done = false
            switch word.kind {
            case .scaleSuffix:
                break loop
            case .cardinal:
                if word.beforeMultiplierOnly {
                    if any, kind == .fraction, !pendingArticle {
                        // "half a million": the article is read with the multiplier that follows.
                        index = end + 1
                        continue loop
                    }
                    guard !pendingArticle, !any || afterAnd else { break loop }
                    pendingArticle = true
                } else {
                    if pendingArticle || (word.ambiguous && !any) { break loop }
                    let value = word.value
                    let small = value.isInteger && value < ExactNumber(integer: 100)
                    guard !any || (lastWasTens && value < ExactNumber(integer: 10) && value > .zero)
                            || (lastWasMultiplier && small) else { break loop }
                    guard let sum = current.adding(value) else { break loop }
                    current = sum
                    any = true
                    approximate = approximate || word.approximate
                    lastWasTens = small && value >= ExactNumber(integer: 20) && (value.intValue ?? 1) % 10 == 0
                    lastWasMultiplier = false
                }
            case .multiplier:
                if word.times || (!any && !pendingArticle) || (word.ambiguous && !any) { break loop }
                if pendingArticle {
                    current = .one
                    pendingArticle = false
                }
                if kind == .fraction { kind = .cardinal }
                let base = current == .zero ? ExactNumber.one : current
                guard let product = base.multiplied(by: word.value) else { break loop }
                if word.value < ExactNumber(integer: 1000) {
                    current = product
                } else {
                    guard let sum = total.adding(product) else { break loop }
                    total = sum
                    current = .zero
                }
                scale = word.value
                any = true
                lastWasTens = false
                lastWasMultiplier = true
            case .fraction:
                if word.ambiguous && !any && !pendingArticle { break loop }
                if afterAnd {
                    // "one and a half", "three and a fifth"
                    guard pendingArticle || word.plural == false, let sum = current.adding(word.value) else { break loop }
                    current = sum
                    pendingArticle = false
                } else if pendingArticle || !any {
                    current = word.value
                    kind = .fraction
                    pendingArticle = false
                } else if current.isInteger, current > .zero, !lastWasMultiplier, let product = current.multiplied(by: word.value) {
                    current = product
                    kind = .fraction
                } else {
                    break loop
                }
                any = true
                lastWasTens = false
                lastWasMultiplier = false
            case .ordinal:
                let value = word.value
                if pendingArticle {
                    guard let fraction = word.fraction else { break loop }
                    // "a third week" is an ordinal; "a third of", "a third." are fractions.
                    if !afterAnd, followedByNoun(end) { break loop }
                    if afterAnd {
                        guard let sum = current.adding(fraction) else { break loop }
                        current = sum
                    } else {
                        current = fraction
                        kind = .fraction
                    }
                    pendingArticle = false
                } else if !any {
                    if word.ambiguous, hyphenBefore { break loop }
                    // "5 cubic metres a second": the unit, not the ordinal.
                    if word.ambiguous, start > 0, isWord(start - 1, "a") || isWord(start - 1, "per"), !followedByNoun(end) { break loop }
                    current = value
                    kind = .ordinal
                } else if let fraction = word.fraction, !lastWasTens, !lastWasMultiplier, current.isInteger,
                          current < ExactNumber(integer: 20), value < ExactNumber(integer: 100),
                          let product = current.multiplied(by: fraction) {
                    // "one-fifth", "one third"
                    if word.ambiguous, hyphenBefore { break loop }
                    current = product
                    kind = .fraction
                } else if lastWasTens, value < ExactNumber(integer: 10) {
                    guard let sum = current.adding(value) else { break loop }
                    current = sum
                    kind = .ordinal
                } else if value >= ExactNumber(integer: 100) {
                    let base = current == .zero ? ExactNumber.one : current
                    guard let product = base.multiplied(by: value) else { break loop }
                    current = product
                    kind = .ordinal
                } else if lastWasMultiplier, let sum = current.adding(value) {
                    current = sum
                    kind = .ordinal
                } else {
                    break loop
                }
                any = true
                done = true
            }
            if firstLine == nil { firstLine = word.line }
            if !pendingArticle { last = end }
            index = end + 1
            if !pendingArticle { afterAnd = false }
            hyphenBefore = false
            if done { break }
            if isGluedHyphen(index) {
                index += 1
                hyphenBefore = true
            } else if any, isWord(index, "and"), lastWasMultiplier || isWord(index + 1, "a") || isWord(index + 1, "an") {
                index += 1
                afterAnd = true
            }
        }
        guard any, last >= start, let value = total.adding(current) else { return nil }
        var atom = Atom(
            first: start, last: last, numeralFirst: start, numeralLast: last, value: value, kind: kind,
            scale: scale, words: true, plainInteger: false,
            rule: kind == .ordinal ? "ordinal-words" : kind == .fraction ? "fraction-words" : "number-words",
            lexicon: firstLine.map { LexiconRef(.numbers, $0) })
        atom.approximate = approximate
        return atom
    }
}
