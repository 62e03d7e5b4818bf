import GazetteCore

extension RecognitionContext {
    /// The most words a dateline's place may have ("NEW YORK", "RIO DE JANEIRO" has a particle
    /// and is left out).
    static let datelineMaxWords = 3

    /// How many tokens may come between a dateline's place and its dash (", Ukraine (AP)").
    static let datelineMaxGap = 8

    /// News datelines ("BAGHDAD -", "WASHINGTON —", "KYIV, Ukraine (AP) —"): at the start of a
    /// paragraph, a place written in capitals and followed, on the same line, by a dash (after
    /// at most a region and an agency in parentheses) is the listed place of that name (rule
    /// `dateline`), not an acronym. The capitals are looked up as the name would be written in
    /// running text ("Kyiv"), since the city lists match case as listed.
    mutating func addDatelines(_ proposals: inout [Proposal]) {
        var index = 0
        while index < tokens.count {
            defer { index += 1 }
            // (a paragraph starts a sentence: the flag rules out most tokens without a byte read)
            guard tokens[index].isSentenceInitial, startsParagraph(index), RecognitionContext.isAllCaps(tokens[index].range, bytes)
            else { continue }
            var end = index + 1
            while end < tokens.count, end - index < RecognitionContext.datelineMaxWords, tokens[end].spaceBefore,
                !startsParagraph(end), RecognitionContext.isAllCaps(tokens[end].range, bytes)
            {
                end += 1
            }
            guard hasDatelineDash(after: end) else { continue }
            let name = (index..<end).map { titleCased(tokens[$0].range) }.joined(separator: " ")
            guard let entry = lexicon.lookup(name, labels: [.location]).first else { continue }
            let template = templateRef(entry.id)
            let (label, subtype) = template._withUnsafeGuaranteedRef { ($0.label, $0.subtypeCode) }
            guard label == .location else { continue }
            proposals.append(Proposal(
                tokens: index..<end, label: label, subtype: subtype, rule: .dateline, strength: 4, detailsRef: template))
            index = end - 1
        }
    }

    /// True for the first token of the text or of a line.
    func startsParagraph(_ index: Int) -> Bool {
        guard index > 0 else { return true }
        let from = tokens[index - 1].range.end
        let to = tokens[index].range.start
        guard from < to else { return false }
        for offset in from..<to where bytes[offset] == 0x0A || bytes[offset] == 0x0D { return true }
        return false
    }

    /// True when a dash (-, – or —, apart from the words around it) follows token `start - 1`
    /// on the same line, after nothing or only commas, parentheses and capitalised words.
    func hasDatelineDash(after start: Int) -> Bool {
        var position = start
        while position < tokens.count, position - start <= RecognitionContext.datelineMaxGap, !startsParagraph(position) {
            let range = tokens[position].range
            if spells(range, "-") || spells(range, "–") || spells(range, "—") {
                return tokens[position].spaceBefore && position + 1 < tokens.count && tokens[position + 1].spaceBefore
            }
            guard isByte(position, UInt8(ascii: ",")) || isByte(position, UInt8(ascii: "(")) || isByte(position, UInt8(ascii: ")"))
                || isCapitalised(position)
            else { return false }
            position += 1
        }
        return false
    }

    /// The word at `range`, written in capitals, as a name: its first letter kept, its other
    /// ASCII letters in lower case ("KYIV" → "Kyiv").
    func titleCased(_ range: TextRange) -> String {
        var word: [UInt8] = []
        word.reserveCapacity(range.length)
        for offset in range.start..<range.end {
            let byte = bytes[offset]
            word.append(offset > range.start && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        return String(decoding: word, as: UTF8.self)
    }
}
