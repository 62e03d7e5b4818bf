import GazetteCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A document prepared for the relation rules: its bytes, tokens (each with its word ID and cue
/// bits), sentences, and every entity and quantity with the tokens it covers, so rules can walk
/// the token sequence and ask "which mention ends here?" or "is this token a determiner?" without
/// building strings.
final class MentionIndex {
    /// The document's entities and quantities (its other layers are not kept).
    let documentEntities: [Entity]
    let documentQuantities: [Quantity]
    let bytes: [UInt8]
    let tokens: [Token]
    let sentences: [Sentence]
    /// Entities and quantities, by start.
    let mentions: [ArgumentMention]
    /// Entity index → label, subtype, range and mention (copied once, so rules need not copy whole entities).
    let entities: [EntityInfo]
    /// The vocabulary tokens are looked up in, and the filter that rejects, before hashing,
    /// tokens that cannot be one of its words.
    private let shared: SharedRelationResources
    /// Token → word ID (0: not a known word; -1: not looked up yet, filled on demand) and the
    /// index into `mentions` of the mention covering it (-1: none): the scratch object's buffer.
    private let slots: UnsafeMutablePointer<TokenSlot>
    /// The buffers this index fills (its byte, entity, mention and scan arrays go back to it,
    /// and it to the pool, when the index is released).
    let scratch: MentionScratch
    private let tokenCount: Int
    /// Word ID → cue bits.
    private let cueTable: [Vocabulary.Cue]
    /// The word tokens whose word is a trigger, the first word of one, or an inclusion verb, in order.
    let scanTokens: [Int]
    /// Byte offsets of the line feeds, in order (found on first use).
    private lazy var lineFeeds: [Int] = {
        var result: [Int] = []
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 10, buffer.count - offset) {
                let position = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                result.append(position)
                offset = position + 1
            }
        }
        return result
    }()

    /// A token's word ID and covering mention.
    private typealias TokenSlot = MentionScratch.TokenSlot

    /// Borrows the document (an initializer's parameters are owned by default: passing the
    /// stage's `inout` document copied it, retaining every one of its arrays and strings).
    init(_ document: borrowing Document, shared: SharedRelationResources) {
        // The resources are read through `shared` (a local copy of the vocabulary or the filter
        // would retain, and later release, each of their tables).
        self.documentEntities = document.entities
        self.documentQuantities = document.quantities
        // The arrays are filled in the scratch object's buffers (moved out of it, so each is
        // uniquely referenced and emptied keeping its capacity).
        let scratch = shared.scratchPool.take()
        self.scratch = scratch
        var bytes: [UInt8] = []
        swap(&bytes, &scratch.bytes)
        bytes.removeAll(keepingCapacity: true)
        if document.text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: document.text.utf8)
        }
        self.bytes = bytes
        self.tokens = document.tokens
        self.sentences = document.sentences
        let tokens = document.tokens
        let tokenCount = tokens.count
        // Every slot starts as (-1, -1): not looked up, no mention.
        let slots = scratch.slots(count: max(1, tokenCount))
        slots.initialize(repeating: TokenSlot(id: -1, mention: -1), count: max(1, tokenCount))
        self.slots = slots
        self.tokenCount = tokenCount
        var infos: [EntityInfo] = []
        swap(&infos, &scratch.entities)
        infos.removeAll(keepingCapacity: true)
        infos.reserveCapacity(document.entities.count)
        let entities = document.entities
        for index in entities.indices {
            infos.append(
                EntityInfo(
                    range: entities[index].range, label: entities[index].label,
                    subtype: MentionSubtype.code(entity: entities[index].subtype), mention: -1))
        }
        var all: [ArgumentMention] = []
        swap(&all, &scratch.mentions)
        all.removeAll(keepingCapacity: true)
        all.reserveCapacity(document.entities.count + document.quantities.count)
        let quantities = document.quantities
        // Appends a mention, recording it for the tokens it covers (and, below, for its entity).
        func append(_ mention: ArgumentMention) {
            let position = Int32(truncatingIfNeeded: all.count)
            for token in mention.firstToken...mention.lastToken where slots[token].mention < 0 {
                slots[token].mention = position
            }
            all.append(mention)
        }
        if Self.isSorted(infos) && Self.isSorted(quantities) {
            // Both lists are in order: merge them (entities first on equal ranges, as a stable sort
            // would). The merged ranges come in order, so one hint walks the tokens once.
            var hint = 0
            var entity = 0
            var quantity = 0
            while entity < infos.count || quantity < quantities.count {
                if entity < infos.count, quantity == quantities.count || !(quantities[quantity].range < infos[entity].range) {
                    let info = infos[entity]
                    if let mention = Self.makeMention(
                        .entity(entity), info.range, LabelSet(info.label), info.subtype, tokens, hint: &hint)
                    {
                        append(mention)
                    }
                    entity += 1
                } else {
                    let range = quantities[quantity].range
                    let kind = MentionSubtype(quantity: quantities[quantity].kind)
                    if let mention = Self.makeMention(.quantity(quantity), range, .quantity, kind, tokens, hint: &hint) {
                        append(mention)
                    }
                    quantity += 1
                }
            }
        } else {
            var unsorted: [ArgumentMention] = []
            var hint = 0
            for (index, info) in infos.enumerated() {
                if let mention = Self.makeMention(.entity(index), info.range, LabelSet(info.label), info.subtype, tokens, hint: &hint) {
                    unsorted.append(mention)
                }
            }
            hint = 0
            for index in quantities.indices {
                let range = quantities[index].range
                let kind = MentionSubtype(quantity: quantities[index].kind)
                if let mention = Self.makeMention(.quantity(index), range, .quantity, kind, tokens, hint: &hint) {
                    unsorted.append(mention)
                }
            }
            unsorted.sort { $0.range < $1.range }
            for mention in unsorted { append(mention) }
        }
        for position in all.indices {
            if case let .entity(index) = all[position].reference { infos[index].mention = Int32(truncatingIfNeeded: position) }
        }
        self.shared = shared
        self.cueTable = shared.value.vocabulary.cues
        // The scan list: shape filters first (first two bytes, then first and last), then the word's ID.
        var scanTokens: [Int] = []
        swap(&scanTokens, &scratch.scanTokens)
        scanTokens.removeAll(keepingCapacity: true)
        bytes.withUnsafeBufferPointer { buffer in
            tokens.withUnsafeBufferPointer { tokens in
                shared.value.vocabulary.cues.withUnsafeBufferPointer { cues in
                    shared.value.scanFilter.withTables { table, endTable, passNonASCII in
                        guard let base = buffer.baseAddress, let tokenBase = tokens.baseAddress else { return }
                        let count = UInt(bitPattern: buffer.count)
                        var position = 0
                        while position < tokens.count {
                            defer { position &+= 1 }
                            // Read through the base pointers (the loop runs over every token).
                            let token = tokenBase[position]
                            guard token.kind == .word else { continue }
                            let start = token.range.start
                            let end = token.range.end
                            // 0 <= start < end <= count, as two unsigned comparisons (a negative start
                            // is above every end that is at most `count`).
                            guard UInt(bitPattern: start) < UInt(bitPattern: end), UInt(bitPattern: end) <= count else { continue }
                            let length = end &- start
                            let second = length > 1 ? base[start &+ 1] : 0
                            guard WordFilter.mayContain(
                                table: table, passNonASCII: passNonASCII, first: base[start], second: second, length: length),
                                WordFilter.mayEnd(table: endTable, first: base[start], last: base[end &- 1], length: length)
                            else { continue }
                            let id = shared.value.vocabulary.id(buffer, start, end)
                            slots[position].id = id
                            if cues[Int(id)].rawValue & Vocabulary.scanned.rawValue != 0 {
                                // Room for a typical document's at the first (not one growth per doubling).
                                if scanTokens.isEmpty { scanTokens.reserveCapacity(32) }
                                scanTokens.append(position)
                            }
                        }
                    }
                }
            }
        }
        self.scanTokens = scanTokens
        self.entities = infos
        self.mentions = all
    }

    /// True when the ranges are in order.
    private static func isSorted(_ entities: [EntityInfo]) -> Bool {
        var position = 1
        while position < entities.count {
            if entities[position].range < entities[position - 1].range { return false }
            position += 1
        }
        return true
    }

    /// True when the ranges are in order.
    private static func isSorted(_ quantities: [Quantity]) -> Bool {
        var position = 1
        while position < quantities.count {
            if quantities[position].range < quantities[position - 1].range { return false }
            position += 1
        }
        return true
    }

    /// The mention of `range` with its first and last token; `hint` carries the previous
    /// mention's first token from call to call, for ranges in order and in any order alike.
    @inline(__always)
    private static func makeMention(
        _ reference: AnnotationReference, _ range: TextRange, _ kind: LabelSet, _ subtype: MentionSubtype, _ tokens: [Token],
        hint: inout Int
    ) -> ArgumentMention? {
        guard !tokens.isEmpty, !range.isEmpty else { return nil }
        // First token that ends after the range starts. Mentions come in order, so it is usually
        // at or a little after the previous mention's first token (`hint`): gallop forward from
        // there, then binary-search the last step; otherwise search all tokens.
        var low = 0
        var high = tokens.count
        if hint < tokens.count, hint == 0 || tokens[hint - 1].range.end <= range.start {
            low = hint
            high = hint
            var step = 1
            while high < tokens.count, tokens[high].range.end <= range.start {
                low = high + 1
                high += step
                step <<= 1
            }
            high = min(high, tokens.count)
        }
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].range.end <= range.start { low = middle + 1 } else { high = middle }
        }
        hint = low
        guard low < tokens.count, tokens[low].range.start < range.end else { return nil }
        var last = low
        while last + 1 < tokens.count, tokens[last + 1].range.start < range.end { last += 1 }
        return ArgumentMention(
            reference: reference, range: range, kind: kind, subtype: subtype, firstToken: low, lastToken: last,
            sentence: tokens[low].sentence)
    }

    /// The mention covering token `token`, if any.
    @inline(__always)
    func mention(at token: Int) -> Int? {
        guard token >= 0, token < tokenCount else { return nil }
        let value = slots[token].mention
        return value < 0 ? nil : Int(value)
    }

    /// The mention that ends exactly at token `token`.
    @inline(__always)
    func mention(endingAt token: Int) -> Int? {
        guard let index = mention(at: token), mentions[index].lastToken == token else { return nil }
        return index
    }

    /// The mention that starts exactly at token `token`.
    @inline(__always)
    func mention(startingAt token: Int) -> Int? {
        guard let index = mention(at: token), mentions[index].firstToken == token else { return nil }
        return index
    }

    /// Hands the arrays back to the scratch object (the slots are its own) and returns it to the pool.
    deinit {
        scratch.bytes = bytes
        scratch.entities = entities
        scratch.mentions = mentions
        scratch.scanTokens = scanTokens
        shared.scratchPool.give(scratch)
    }

    /// The token's word ID (0 when unknown or out of range).
    @inline(__always)
    func id(_ token: Int) -> Vocabulary.ID {
        guard token >= 0, token < tokenCount else { return 0 }
        let cached = slots[token].id
        return cached >= 0 ? cached : lookUp(token)
    }

    /// Looks a token up in the vocabulary and caches its ID.
    @inline(never)
    private func lookUp(_ token: Int) -> Vocabulary.ID {
        let range = tokens[token].range
        let id = bytes.withUnsafeBufferPointer { bytes -> Vocabulary.ID in
            let end = min(range.end, bytes.count)
            // One-byte tokens (mostly punctuation) go straight to the vocabulary's byte table.
            if end &- range.start != 1, !shared.value.wordFilter.mayContain(bytes, range.start, end) { return 0 }
            return shared.value.vocabulary.id(bytes, range.start, end)
        }
        slots[token].id = id
        return id
    }

    /// True when the token's word has one of the cue bits.
    @inline(__always)
    func cue(_ token: Int, _ cue: Vocabulary.Cue) -> Bool {
        guard token >= 0, token < tokenCount else { return false }
        return cueTable[Int(id(token))].rawValue & cue.rawValue != 0
    }

    /// The token's text, lowercased (for messages and rare checks; rules use IDs).
    func word(_ token: Int) -> String {
        guard token >= 0, token < tokens.count else { return "" }
        return surface(token).lowercased()
    }

    /// The token's text as written.
    func surface(_ token: Int) -> String {
        guard token >= 0, token < tokens.count else { return "" }
        let range = tokens[token].range
        return String(decoding: bytes[range.start..<range.end], as: UTF8.self)
    }

    /// True when the token ends with the lowercase ASCII `suffix` (letters compared case-insensitively).
    func hasSuffix(_ token: Int, _ suffix: StaticString) -> Bool {
        guard token >= 0, token < tokens.count else { return false }
        let range = tokens[token].range
        let count = suffix.utf8CodeUnitCount
        guard range.length >= count else { return false }
        return suffix.withUTF8Buffer { expected in
            for offset in 0..<count {
                var byte = bytes[range.end - count + offset]
                if byte &- UInt8(ascii: "A") < 26 { byte |= 0x20 }
                if byte != expected[offset] { return false }
            }
            return true
        }
    }

    /// The text of a range as written.
    func text(_ range: TextRange) -> String {
        String(decoding: bytes[max(0, range.start)..<min(bytes.count, range.end)], as: UTF8.self)
    }

    /// True when the bytes of two ranges are equal.
    func sameText(_ left: TextRange, _ right: TextRange) -> Bool {
        guard left.length == right.length else { return false }
        var offset = 0
        while offset < left.length {
            if bytes[left.start + offset] != bytes[right.start + offset] { return false }
            offset += 1
        }
        return true
    }

    /// True when the range's bytes contain `byte`.
    func contains(_ byte: UInt8, in range: TextRange) -> Bool {
        var offset = max(0, range.start)
        while offset < min(range.end, bytes.count) {
            if bytes[offset] == byte { return true }
            offset += 1
        }
        return false
    }

    /// FNV-1a of a range's bytes as written.
    func hash(_ range: TextRange) -> UInt64 {
        WordSet.hash(bytes, max(0, range.start), min(range.end, bytes.count))
    }

    /// The first byte of a token (0 when out of range): a cheap test for punctuation and case.
    @inline(__always)
    func firstByte(_ token: Int) -> UInt8 {
        guard token >= 0, token < tokens.count else { return 0 }
        return bytes[tokens[token].range.start]
    }

    /// True when the token is the possessive clitic ("’s", "'s", or a bare apostrophe).
    @inline(__always)
    func isPossessive(_ token: Int) -> Bool { cue(token, .possessive) }

    /// True when the token is this punctuation character.
    @inline(__always)
    func isPunctuation(_ token: Int, _ id: Vocabulary.ID) -> Bool {
        guard token >= 0, token < tokens.count, tokens[token].kind == .punctuation else { return false }
        return self.id(token) == id
    }

    /// True for a word token written in lowercase ("former", "prime").
    @inline(__always)
    func isLowercaseWord(_ token: Int) -> Bool {
        guard token >= 0, token < tokens.count, tokens[token].kind == .word else { return false }
        let byte = bytes[tokens[token].range.start]
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

    /// The offset of the last line feed before byte `end` (at most the text's end), if any: a
    /// paragraph break lies between `start` and `end` exactly when it is at or after `start`.
    func lastLineFeed(before end: Int) -> Int? {
        let to = min(end, bytes.count)
        let feeds = lineFeeds
        // The first line feed at or after `to`; the one before it is the answer.
        var low = 0
        var high = feeds.count
        while low < high {
            let middle = (low + high) / 2
            if feeds[middle] < to { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? feeds[low - 1] : nil
    }

    /// True when a paragraph break ("\n") lies between two byte offsets.
    func paragraphBreak(between start: Int, and end: Int) -> Bool {
        let from = max(0, start)
        let to = min(end, bytes.count)
        guard from < to, !lineFeeds.isEmpty else { return false }
        // The first line feed at or after `from`.
        var low = 0
        var high = lineFeeds.count
        while low < high {
            let middle = (low + high) / 2
            if lineFeeds[middle] < from { low = middle + 1 } else { high = middle }
        }
        return low < lineFeeds.count && lineFeeds[low] < to
    }

    /// Two or more letters, mostly capitals, no spaces ("SDF", "DRC", "TurkStat", "U.S.").
    func isAcronym(_ range: TextRange) -> Bool {
        let ascii: Bool? = bytes.withUnsafeBufferPointer { bytes in
            var capitals = 0
            var letters = 0
            for offset in max(0, range.start)..<min(range.end, bytes.count) {
                let byte = bytes[offset]
                if byte >= 0x80 { return nil }
                if byte == UInt8(ascii: " ") { return false }
                if byte &- UInt8(ascii: "A") < 26 { capitals &+= 1; letters &+= 1 }
                if byte &- UInt8(ascii: "a") < 26 { letters &+= 1 }
            }
            return capitals >= 2 && capitals * 2 >= letters
        }
        return ascii ?? Self.isAcronym(text(range))
    }

    /// `isAcronym` for any text.
    static func isAcronym(_ surface: String) -> Bool {
        var capitals = 0
        var letters = 0
        for scalar in surface.unicodeScalars {
            if scalar == " " { return false }
            if scalar.properties.isUppercase { capitals += 1 }
            if scalar.properties.isAlphabetic { letters += 1 }
        }
        return capitals >= 2 && capitals * 2 >= letters
    }
}
