import GazetteCore

/// A document prepared for the relation rules: its bytes, tokens, sentences, and every entity and
/// quantity with the tokens it covers, so rules can walk the token sequence and ask "which mention
/// ends here?".
final class MentionIndex {
    let document: Document
    let bytes: [UInt8]
    let tokens: [Token]
    let sentences: [Sentence]
    /// Entities and quantities, by start.
    let mentions: [ArgumentMention]
    /// Token → index into `mentions` (-1: none).
    private let tokenMention: [Int32]
    /// Entity index → index into `mentions`.
    let entityMention: [Int]

    init(_ document: Document) {
        self.document = document
        self.bytes = document.text.utf8.withContiguousStorageIfAvailable { Array($0) } ?? Array(document.text.utf8)
        self.tokens = document.tokens
        self.sentences = document.sentences
        let tokens = document.tokens
        var all: [ArgumentMention] = []
        all.reserveCapacity(document.entities.count + document.quantities.count)
        for (index, entity) in document.entities.enumerated() {
            if let mention = Self.makeMention(.entity(index), entity.range, entity.label, entity.subtype, tokens) {
                all.append(mention)
            }
        }
        for (index, quantity) in document.quantities.enumerated() {
            if let mention = Self.makeMention(.quantity(index), quantity.range, nil, quantity.kind.rawValue, tokens) {
                all.append(mention)
            }
        }
        all.sort { $0.range < $1.range }
        var entityMention = Array(repeating: -1, count: document.entities.count)
        var tokenMention = [Int32](repeating: -1, count: tokens.count)
        for (position, mention) in all.enumerated() {
            if case let .entity(index) = mention.reference { entityMention[index] = position }
            for token in mention.firstToken...mention.lastToken where tokenMention[token] < 0 {
                tokenMention[token] = Int32(position)
            }
        }
        self.entityMention = entityMention
        self.tokenMention = tokenMention
        self.mentions = all
    }

    private static func makeMention(
        _ reference: AnnotationReference, _ range: TextRange, _ label: EntityLabel?, _ subtype: String?, _ tokens: [Token]
    ) -> ArgumentMention? {
        guard !tokens.isEmpty, !range.isEmpty else { return nil }
        // First token that ends after the range starts.
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].range.end <= range.start { low = middle + 1 } else { high = middle }
        }
        guard low < tokens.count, tokens[low].range.start < range.end else { return nil }
        var last = low
        while last + 1 < tokens.count, tokens[last + 1].range.start < range.end { last += 1 }
        return ArgumentMention(
            reference: reference, range: range, label: label, subtype: subtype, firstToken: low, lastToken: last,
            sentence: tokens[low].sentence)
    }

    /// The mention covering token `token`, if any.
    func mention(at token: Int) -> Int? {
        guard token >= 0, token < tokenMention.count else { return nil }
        let value = tokenMention[token]
        return value < 0 ? nil : Int(value)
    }

    /// The mention that ends exactly at token `token`.
    func mention(endingAt token: Int) -> Int? {
        guard let index = mention(at: token), mentions[index].lastToken == token else { return nil }
        return index
    }

    /// The mention that starts exactly at token `token`.
    func mention(startingAt token: Int) -> Int? {
        guard let index = mention(at: token), mentions[index].firstToken == token else { return nil }
        return index
    }

    /// The token's text, lowercased (short ASCII words need no allocation).
    func word(_ token: Int) -> String {
        guard token >= 0, token < tokens.count else { return "" }
        let range = tokens[token].range
        var ascii = true
        let value = String(unsafeUninitializedCapacity: range.length) { output in
            var written = 0
            for offset in range.start..<range.end {
                let byte = bytes[offset]
                if byte >= 0x80 { ascii = false }
                output[written] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                written += 1
            }
            return written
        }
        return ascii ? value : value.lowercased()
    }

    /// False when the token is certainly none of the filter's words.
    func mayBe(_ filter: WordFilter, _ token: Int) -> Bool {
        let range = tokens[token].range
        return filter.mayContain(bytes, range.start, range.end)
    }

    /// The token's text as written.
    func surface(_ token: Int) -> String {
        guard token >= 0, token < tokens.count else { return "" }
        let range = tokens[token].range
        return String(decoding: bytes[range.start..<range.end], as: UTF8.self)
    }

    /// The text of a range as written.
    func text(_ range: TextRange) -> String {
        String(decoding: bytes[max(0, range.start)..<min(bytes.count, range.end)], as: UTF8.self)
    }

    /// The first byte of a token (0 when out of range): a cheap test for punctuation and case.
    func firstByte(_ token: Int) -> UInt8 {
        guard token >= 0, token < tokens.count else { return 0 }
        return bytes[tokens[token].range.start]
    }

    /// True when the token is the possessive clitic ("’s", "'s", or a bare apostrophe).
    func isPossessive(_ token: Int) -> Bool {
        let word = word(token)
        return word == "’s" || word == "'s" || word == "’" || word == "'"
    }

    /// True when the token is this punctuation character.
    func isPunctuation(_ token: Int, _ character: String) -> Bool {
        guard token >= 0, token < tokens.count, tokens[token].kind == .punctuation else { return false }
        return word(token) == character
    }

    /// True for a word token written in lowercase ("former", "prime").
    func isLowercaseWord(_ token: Int) -> Bool {
        guard token >= 0, token < tokens.count, tokens[token].kind == .word else { return false }
        let byte = firstByte(token)
        return byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
    }

    /// The token range of a sentence.
    func sentenceTokens(_ sentence: Int) -> Range<Int> {
        guard sentence >= 0, sentence < sentences.count else { return 0..<0 }
        let range = sentences[sentence].tokens
        if !range.isEmpty { return range }
        // Sentences without token ranges: find them from the tokens.
        var first = tokens.firstIndex { $0.sentence == sentence } ?? 0
        var last = first
        while last < tokens.count, tokens[last].sentence == sentence { last += 1 }
        if last == first { first = 0; last = 0 }
        return first..<last
    }

    /// The sentence holding a byte offset.
    func sentence(containing offset: Int) -> Int? {
        var low = 0
        var high = sentences.count
        while low < high {
            let middle = (low + high) / 2
            if sentences[middle].range.end <= offset { low = middle + 1 } else { high = middle }
        }
        return low < sentences.count ? low : nil
    }

    /// Entity text as written.
    func text(ofMention index: Int) -> String { text(mentions[index].range) }

    /// The entity behind a mention.
    func entity(_ index: Int) -> Entity? {
        guard case let .entity(position) = mentions[index].reference else { return nil }
        return document.entities[position]
    }

    /// True when a paragraph break ("\n") lies between two byte offsets.
    func paragraphBreak(between start: Int, and end: Int) -> Bool {
        var offset = max(0, start)
        while offset < min(end, bytes.count) {
            if bytes[offset] == 10 { return true }
            offset += 1
        }
        return false
    }
}
