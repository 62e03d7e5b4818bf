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
        var exponent: Int?
        var spaced = false
        // The value of a plain run of digits, while it is one (most tokens: "2024", "16").
        var small: UInt64 = 0
        var offset = range.start
        while offset < end {
            let byte = bytes[offset]
            defer { offset += 1 }
            if byte &- UInt8(ascii: "0") < 10 {
                small = small &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
                continue
            }
            if byte >= 0xC2 {
                // "1 234 567.89" with no-break or thin spaces between groups of three digits.
                let width = groupSpaceWidth(offset, end)
                guard width > 0, offset > range.start, offset + width + 3 <= end else { return nil }
                for digit in offset + width..<offset + width + 3 where bytes[digit] < UInt8(ascii: "0") || bytes[digit] > UInt8(ascii: "9") {
                    return nil
                }
                spaced = true
                plain = false
                offset += width - 1
            } else if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") {
                plain = false
            } else if (byte | 0x20) == UInt8(ascii: "e"), !ordinal, offset > range.start, offset + 1 < end {
                // Scientific notation: "1e10", "1.3e6", "127.32e13".
                guard let power = exponentDigits(offset + 1, end) else { return nil }
                exponent = power
                end = offset
                plain = false
                break
            } else if byte < UInt8(ascii: "0") || byte > UInt8(ascii: "9") {
                return nil
            }
        }
        guard bytes[range.start] >= UInt8(ascii: "0"), bytes[range.start] <= UInt8(ascii: "9"),
              bytes[end - 1] >= UInt8(ascii: "0"), bytes[end - 1] <= UInt8(ascii: "9") else { return nil }
        // At most 18 plain digits: the machine word holds the value exactly.
        guard var value = plain && end - range.start <= 18 ? ExactNumber(integer: Int(small))
                : ExactNumber(bytes: bytes, range.start, end, allowGrouping: true, skippingNonASCII: spaced) else { return nil }
        if ordinal, !value.isInteger { return nil }
        if let exponent {
            guard let scale = ExactNumber(integer: 10).power(exponent), let scaled = value.multiplied(by: scale) else { return nil }
            value = scaled
        }
        return (value, ordinal, plain)
    }

    /// The byte length of a no-break space (U+00A0), thin space (U+2009) or narrow no-break
    /// space (U+202F) at `offset`, else 0.
    func groupSpaceWidth(_ offset: Int, _ end: Int) -> Int {
        if offset + 1 < end, bytes[offset] == 0xC2, bytes[offset + 1] == 0xA0 { return 2 }
        if offset + 2 < end, bytes[offset] == 0xE2, bytes[offset + 1] == 0x80, bytes[offset + 2] == 0xAF || bytes[offset + 2] == 0x89 {
            return 3
        }
        return 0
    }

    /// An exponent written as `[+|-]digits` in bytes `[start, end)` (at most two digits).
    func exponentDigits(_ start: Int, _ end: Int) -> Int? {
        var offset = start
        var negative = false
        if bytes[offset] == UInt8(ascii: "-") || bytes[offset] == UInt8(ascii: "+") {
            negative = bytes[offset] == UInt8(ascii: "-")
            offset += 1
        }
        guard offset < end, end - offset <= 2 else { return nil }
        var value = 0
        for index in offset..<end {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return negative ? -value : value
    }

    /// A power written after a number token at `next`: "^23", "^-1" (glued caret), or "e-1" split
    /// by the tokenizer ("12e-1"). Returns the exponent, whether it is a power of ten, and the last token.
    func powerSuffix(at next: Int) -> (exponent: Int, tenBased: Bool, last: Int)? {
        guard next + 1 < tokens.count, glued(next), glued(next + 1) else { return nil }
        let range = tokens[next].range
        guard range.length == 1 else { return nil }
        let mark = bytes[range.start]
        let caret = mark == UInt8(ascii: "^")
        guard caret || (mark | 0x20) == UInt8(ascii: "e") else { return nil }
        var index = next + 1
        var negative = false
        if isHyphen(index) || (tokens[index].range.length == 1 && bytes[tokens[index].range.start] == UInt8(ascii: "+")) {
            negative = isHyphen(index)
            index += 1
            guard index < tokens.count, glued(index) else { return nil }
        }
        guard isPlainDigits(index), tokens[index].range.length <= 2, let digits = Int(text(index)) else { return nil }
        // "5e" and "1^2" followed by more glued text are codes, not numbers.
        if index + 1 < tokens.count, glued(index + 1), tokens[index + 1].kind != .punctuation { return nil }
        return (negative ? -digits : digits, !caret, index)
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

    /// "567.89": the last group of a space-grouped number with its decimals.
    func isGroupWithDecimals(_ index: Int) -> Bool {
        guard index < tokens.count, tokens[index].kind == .number else { return false }
        let range = tokens[index].range
        guard range.length >= 5, bytes[range.start + 3] == UInt8(ascii: ".") else { return false }
        for offset in range.start..<range.end where offset != range.start + 3 {
            if bytes[offset] < UInt8(ascii: "0") || bytes[offset] > UInt8(ascii: "9") { return false }
        }
        return true
    }

    func isSlash(_ index: Int) -> Bool {
        index < tokens.count && tokens[index].range.length == 1 && bytes[tokens[index].range.start] == UInt8(ascii: "/")
    }

    /// The digit numeral at `index` with its grouping, fractions and scale words, written into
    /// `atom` (true when there is one). `money`: a currency precedes, so a glued "m" is millions.
    func digitNumeral(at index: Int, money: Bool, into atom: inout Atom) -> Bool {
        guard let (parsed, ordinal, plain) = digitValue(index) else { return false }
        atom = Atom(
            first: index, last: index, numeralFirst: index, numeralLast: index, value: parsed,
            kind: ordinal ? .ordinal : .cardinal, scale: nil, words: false, plainInteger: plain,
            rule: ordinal ? .ordinalDigits : .digits)
        if ordinal { return true }
        var next = index + 1
        // "1.1^23", "2.5^-1", "12e-1".
        if let (exponent, tenBased, last) = powerSuffix(at: next),
           let factor = tenBased ? ExactNumber(integer: 10).power(exponent) : parsed.power(exponent),
           let value = tenBased ? parsed.multiplied(by: factor) : factor {
            atom.value = value
            atom.last = last
            atom.numeralLast = last
            atom.plainInteger = false
            atom.rule = .digitsPower
            return true
        }
        // "3 000 000": space-grouped thousands.
        if plain, tokens[index].range.length <= 3 {
            while next < tokens.count, tokens[next].spaceBefore, tokens[next].sentence == tokens[index].sentence, !isSlash(next + 1) {
                let decimals = isGroupWithDecimals(next)
                guard decimals || isPlainDigits(next, count: 3),
                      let grouped = atom.value.multiplied(by: ExactNumber(integer: 1000))?
                        .adding(ExactNumber(parsing: text(next)) ?? .zero) else { break }
                atom.value = grouped
                atom.last = next
                atom.plainInteger = false
                next += 1
                if decimals { break }
            }
        }
        // "3/4" and "2 1/2".
        if plain, atom.last == index, isSlash(next), glued(next), isPlainDigits(next + 1), glued(next + 1), !isSlash(next + 2),
           let denominator = ExactNumber(parsing: text(next + 1)), let fraction = atom.value.divided(by: denominator) {
            atom.value = fraction
            atom.last = next + 1
            atom.kind = .fraction
            atom.rule = .fractionDigits
            atom.plainInteger = false
            return true
        }
        if plain, isPlainDigits(next), tokens[next].spaceBefore, isSlash(next + 1), glued(next + 1), isPlainDigits(next + 2),
           glued(next + 2), !isSlash(next + 3), let n = ExactNumber(parsing: text(next)),
           let d = ExactNumber(parsing: text(next + 2)), n < d, let fraction = n.divided(by: d), let mixed = atom.value.adding(fraction) {
            atom.value = mixed
            atom.last = next + 2
            atom.plainInteger = false
            atom.rule = .digitsMixedFraction
            next += 3
        } else if glued(next), let (wordIndex, last) = numberWord(at: next), tables.numbers[wordIndex].kind == .fraction, last == next,
                  case let word = tables.numbers[wordIndex],
                  let mixed = atom.value.adding(word.value) {
            // "2½"
            atom.value = mixed
            atom.last = next
            atom.plainInteger = false
            atom.rule = .digitsMixedFraction
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
            atom.rule = .digitsScale
            atom.lexicon = LexiconRef(.numbers, word.line)
            next = last + 1
            lastMultiplier = word.kind == .multiplier && !isGlued && tokens[index].range.length <= 3 && parsed.isInteger ? word.value : nil
        }
        // Digits and multiplier words mixed: "4 thousand 3 hundred and 21", "3 hundred and 1".
        while let multiplier = lastMultiplier, let (addend, end, smaller) = mixedPart(after: atom.last, below: multiplier),
              let sum = atom.value.adding(addend) {
            atom.value = sum
            atom.last = end
            atom.rule = .digitsWordsMixed
            lastMultiplier = smaller
        }
        atom.numeralLast = atom.last
        return true
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
        guard index < tokens.count, tokens[index].sentence == tokens[last].sentence, tokens[index].spaceBefore else { return nil }
        if and, tokens[index].kind != .number {
            // "3 hundred and one"
            guard let words = wordNumeral(at: index), words.kind == .cardinal, words.scale == nil, words.value.isInteger,
                  words.value > .zero, words.value < below else { return nil }
            return (words.value, words.last, nil)
        }
        guard isPlainDigits(index), tokens[index].range.length <= 3,
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

    /// Spelled-out numbers, composed from the number words of `numbers.tsv`. `first`: the number
    /// word at `start` (`numberWord(at: start)`), when the caller has it already.
    func wordNumeral(at start: Int, first: (word: Int, last: Int)? = nil) -> Atom? {
        var atom = Atom.placeholder
        return wordNumeral(at: start, first: first, into: &atom) ? atom : nil
    }

    /// `wordNumeral(at:first:)` written into `atom` (true when there is a numeral), so the
    /// scan's atom is filled in place.
    func wordNumeral(at start: Int, first: (word: Int, last: Int)?, into atom: inout Atom) -> Bool {
        // A capitalised number word inside a sentence belongs to a name ("Second Thomas Shoal").
        if isCapitalized(start), !tokens[start].isSentenceInitial { return false }
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
        /// What was added to `current` since its last multiplier below 1000, and that multiplier
        /// ("three hundred and two dozen": the dozen multiplies the two only).
        var tail = ExactNumber.zero
        var smallMultiplier: ExactNumber?
        /// The tens word just added ("thirty" in "one hundred thirty-fifths").
        var lastTens: ExactNumber?
        /// The last multiplier of 1000 or more, while nothing was added after it.
        var openScale: ExactNumber?
        /// A fraction times a multiplier ("half a million", "three quarters million").
        var fractionMultiplied = false
        var index = start
        var last = start - 1
        let sentence = tokens[start].sentence
        loop: while index < tokens.count, tokens[index].sentence == sentence {
            guard let (wordIndex, end) = (index == start ? first : nil) ?? numberWord(at: index) else { break }
            let word = tables.numbers[wordIndex]
            var done = false
            switch word.kind {
            case .scaleSuffix, .relative:
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
                    let isTens = small && value >= ExactNumber(integer: 20) && (value.intValue ?? 1) % 10 == 0
                    guard !any || (lastWasTens && value < ExactNumber(integer: 10) && value > .zero)
                            || (lastWasMultiplier && small) else {
                        // "one twenty-fifth", "three twenty-fifths": a tens word and a unit
                        // ordinal make the denominator.
                        if isTens, kind == .cardinal, let numerator = total.adding(current),
                           let (denominator, denominatorLast) = compoundDenominator(tens: value, after: end, numerator: numerator),
                           let fraction = numerator.divided(by: denominator) {
                            total = .zero
                            current = fraction
                            kind = .fraction
                            last = denominatorLast
                            if firstLine == nil { firstLine = word.line }
                        }
                        break loop
                    }
                    guard let sum = current.adding(value), let tailSum = (lastWasMultiplier ? .zero : tail).adding(value) else { break loop }
                    current = sum
                    tail = tailSum
                    any = true
                    approximate = approximate || word.approximate
                    lastWasTens = isTens
                    lastTens = isTens ? value : nil
                    lastWasMultiplier = false
                    openScale = nil
                }
            case .multiplier:
                if word.times || (!any && !pendingArticle) || (word.ambiguous && !any) { break loop }
                if pendingArticle {
                    current = .one
                    pendingArticle = false
                }
                if kind == .fraction {
                    kind = .cardinal
                    fractionMultiplied = true
                }
                let base = current == .zero ? ExactNumber.one : current
                if word.value < ExactNumber(integer: 1000) {
                    if let previous = smallMultiplier, (word.value < previous), (tail > .zero), (tail < current),
                       let head = current.adding(tail.negated), let part = tail.multiplied(by: word.value), let sum = head.adding(part) {
                        current = sum
                    } else {
                        guard let product = base.multiplied(by: word.value) else { break loop }
                        current = product
                    }
                    smallMultiplier = word.value
                    openScale = nil
                } else {
                    guard let product = base.multiplied(by: word.value), let sum = total.adding(product) else { break loop }
                    total = sum
                    current = .zero
                    smallMultiplier = nil
                    openScale = word.value
                }
                tail = .zero
                scale = word.value
                any = true
                lastWasTens = false
                lastTens = nil
                lastWasMultiplier = true
            case .fraction:
                if word.ambiguous && !any && !pendingArticle {
                    // "quarter million": a fraction of the multiplier that follows.
                    guard let (next, _) = numberWord(at: end + 1), tables.numbers[next].kind == .multiplier,
                          !tables.numbers[next].times else { break loop }
                }
                if afterAnd {
                    // "one and a half", "three and a fifth"
                    guard pendingArticle || word.plural == false, let sum = current.adding(word.value) else { break loop }
                    current = sum
                    pendingArticle = false
                } else if pendingArticle || !any {
                    current = word.value
                    kind = .fraction
                    pendingArticle = false
                } else if let tens = lastTens, let denominator = unitDenominator(word.value),
                          let whole = total.adding(current), let numerator = whole.adding(tens.negated), numerator > .zero,
                          let compound = tens.adding(denominator), let fraction = numerator.divided(by: compound) {
                    // "one hundred thirty-fifths" = 100/35.
                    total = .zero
                    current = fraction
                    kind = .fraction
                } else if current.isInteger, current > .zero, !lastWasMultiplier, let whole = total.adding(current),
                          let product = whole.multiplied(by: word.value) {
                    // "twenty-three fifths", "one million two thousand three fifths".
                    total = .zero
                    current = product
                    kind = .fraction
                } else {
                    break loop
                }
                any = true
                lastWasTens = false
                lastTens = nil
                lastWasMultiplier = false
                openScale = nil
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
            } else if any, kind == .cardinal, !pendingArticle, isWord(index, "and"), !isWord(index + 1, "a"), !isWord(index + 1, "an"),
                      let part = wordNumeral(at: index + 1), part.value > .zero,
                      part.kind == .fraction && part.value < .one
                        || part.kind == .cardinal && part.rule == .fractionMultiplied && openScale.map({ part.value < $0 }) == true,
                      let added = part.kind == .cardinal ? part.value : openScale.flatMap({ part.value.multiplied(by: $0) }) ?? Optional(part.value),
                      let sum = current.adding(added) {
                // "one hundred and two fifths" = 100.4; "six million and two thirds" = 6666666.67;
                // "one billion and three quarters million" = 1000750000.
                current = sum
                last = part.last
                kind = total.adding(current)?.isInteger == true ? .cardinal : .fraction
                break
            } else if any, isWord(index, "and"), lastWasMultiplier || isWord(index + 1, "a") || isWord(index + 1, "an") {
                index += 1
                afterAnd = true
            }
        }
        guard any, last >= start, var value = total.adding(current) else { return false }
        // "two hundred point zero three", "four point five million": decimals read out (not "at
        // one point two men left").
        if kind == .cardinal, value.isInteger, !isWord(start - 1, "at"),
           let (decimals, decimalsLast) = spokenDecimals(after: last), let sum = value.adding(decimals) {
            value = sum
            last = decimalsLast
            if let (wordIndex, wordLast) = numberWord(at: last + 1), tables.numbers[wordIndex].kind == .multiplier,
               !tables.numbers[wordIndex].times, !tables.numbers[wordIndex].ambiguous,
               tables.numbers[wordIndex].value >= ExactNumber(integer: 1000), let product = value.multiplied(by: tables.numbers[wordIndex].value) {
                value = product
                last = wordLast
                scale = tables.numbers[wordIndex].value
            }
        }
        atom = Atom(
            first: start, last: last, numeralFirst: start, numeralLast: last, value: value, kind: kind,
            scale: scale, words: true, plainInteger: false,
            rule: kind == .ordinal ? .ordinalWords : kind == .fraction ? .fractionWords
                : fractionMultiplied ? .fractionMultiplied : .numberWords,
            lexicon: firstLine.map { LexiconRef(.numbers, $0) })
        atom.approximate = approximate
        return true
    }

    /// 2…9 when `fraction` is 1/2…1/9 (the unit part of a compound denominator).
    func unitDenominator(_ fraction: ExactNumber) -> ExactNumber? {
        guard fraction.numerator == 1, fraction.denominator >= 2, fraction.denominator <= 9 else { return nil }
        return ExactNumber(fraction.denominator)
    }

    /// After a tens word ending at token `end`: a unit ordinal or plural fraction ("-fifth",
    /// "-fifths") making a compound denominator with it. A singular ordinal only after "one".
    func compoundDenominator(tens: ExactNumber, after end: Int, numerator: ExactNumber) -> (ExactNumber, Int)? {
        var next = end + 1
        if isGluedHyphen(next) { next += 1 }
        guard next < tokens.count, tokens[next].sentence == tokens[end].sentence, let (wordIndex, last) = numberWord(at: next) else { return nil }
        let word = tables.numbers[wordIndex]
        let unit: ExactNumber?
        switch word.kind {
        case .ordinal:
            guard numerator == .one, let fraction = word.fraction else { return nil }
            unit = unitDenominator(fraction)
        case .fraction:
            guard word.plural else { return nil }
            unit = unitDenominator(word.value)
        default:
            return nil
        }
        guard let unit, let denominator = tens.adding(unit) else { return nil }
        return (denominator, last)
    }

    /// "point zero three", "point seventy-one", "point five" after a spelled-out integer ending at
    /// token `last`: the decimals and the last token.
    func spokenDecimals(after last: Int) -> (ExactNumber, Int)? {
        let point = last + 1
        guard isWord(point, "point"), tokens[point].sentence == tokens[last].sentence else { return nil }
        var digits = ""
        var index = point + 1
        var end = point
        while index < tokens.count, tokens[index].sentence == tokens[last].sentence, let (wordIndex, wordLast) = numberWord(at: index) {
            let word = tables.numbers[wordIndex]
            guard word.kind == .cardinal, !word.ambiguous, !word.beforeMultiplierOnly, let value = word.value.intValue, value >= 0, value < 100 else { break }
            if value < 10 {
                digits += String(value)
                end = wordLast
                index = wordLast + 1
                continue
            }
            // "seventy-one", "seventy one", "twelve": two digits, and the decimals end.
            guard digits.isEmpty else { break }
            var pair = value
            end = wordLast
            if value % 10 == 0, value >= 20 {
                var unitIndex = wordLast + 1
                if isGluedHyphen(unitIndex) { unitIndex += 1 }
                if let (unitWord, unitLast) = numberWord(at: unitIndex), tables.numbers[unitWord].kind == .cardinal,
                   let unit = tables.numbers[unitWord].value.intValue, unit > 0, unit < 10, !tables.numbers[unitWord].ambiguous {
                    pair += unit
                    end = unitLast
                }
            }
            digits += String(pair)
            break
        }
        guard !digits.isEmpty, let decimals = ExactNumber(parsing: "0." + digits) else { return nil }
        return (decimals, end)
    }
}
