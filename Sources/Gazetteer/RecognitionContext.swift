import GazetteCore

/// The working state of `EntityRecognizer` for one document.
struct RecognitionContext {
    /// An entity proposed by a rule, before overlaps are resolved.
    struct Proposal {
        var tokens: Range<Int>
        var label: EntityLabel
        var subtype: String?
        var rule: String
        /// Higher wins among overlapping proposals of equal length.
        var strength: Int
        /// Canonical reference, features and list line, shared with the lexicon entry (or the
        /// full mention) they come from; nil for a name no list or earlier mention describes.
        var details: EntityTemplate?

        init(tokens: Range<Int>, label: EntityLabel, subtype: String? = nil, rule: String, strength: Int, details: EntityTemplate? = nil) {
            self.tokens = tokens
            self.label = label
            self.subtype = subtype
            self.rule = rule
            self.strength = strength
            self.details = details
        }

        var canonical: CanonicalReference? { details?.canonical }
        var features: [String: String] { details?.features ?? [:] }
        var lexicon: String? { details?.lexicon }
    }

    let recognizer: EntityRecognizer
    /// The document, boxed: rules copy the context, and a copy then retains one reference
    /// instead of every field of the document.
    final class DocumentBox {
        let document: Document
        init(_ document: Document) { self.document = document }
    }
    let documentBox: DocumentBox
    var document: Document { documentBox.document }
    let tokens: [Token]
    let bytes: UnsafeBufferPointer<UInt8>
    let candidates: [LexiconCandidate]
    var lexicon: CompiledLexicon { recognizer.lexicon }

    /// Token flags from the auxiliary lists.
    var givenName: [Bool]
    var surname: [Bool]
    var particle: [Bool]
    var nameSuffix: [Bool]
    var honorific: [Bool]
    var orgSuffix: [Bool]
    /// Last token of an organisation keyword ("Bank", "Air Force"), with the keyword's hint.
    var orgKeywordEnd: [String?]
    /// First token of an organisation keyword.
    var orgKeywordStart: [Bool]
    var locKeyword: [Bool]
    /// Given names that are also function words ("Will", "May"), which `givenName` leaves out.
    var functionWordGivenNames: Set<Int> = []
    /// All-capital words that are abbreviations of things, not organisation names ("IED", "GDP").
    var commonAcronym: [Bool]
    /// Indices into `candidates` of the entity candidates, by start token: those starting at
    /// token t are `entityIndices[entityOffsets[t]..<entityOffsets[t + 1]]` (see `entityStarts(at:)`).
    let entityIndices: [Int32]
    let entityOffsets: [Int32]
    /// Lower-case words of the document (built on first use).
    var lowercaseWords: Set<String>?
    /// Titles written in lower case right before a capitalised name, by the name's first token.
    var titleBefore: [Int: Proposal] = [:]
    /// True for sentences written in capitals (headlines), where capitals prove nothing.
    var capitalsSentence: [Bool]
    /// Places spelled as common words ("Reading", "Nice") that the document once introduces
    /// with a locative preposition ("in Reading"): their other mid-sentence mentions count too.
    var confirmedCommonPlaces: Set<UInt32> = []
    /// Buffers `analyse` reuses from chunk to chunk (emptied, capacity kept).
    var scratchInside: [LexiconCandidate] = []
    var scratchCovered: [Bool] = []
    var scratchPieces: [Proposal] = []
    var scratchEmitted: [Proposal] = []

    init(recognizer: EntityRecognizer, document: Document, bytes: UnsafeBufferPointer<UInt8>, candidates: [LexiconCandidate]) {
        self.recognizer = recognizer
        self.documentBox = DocumentBox(document)
        self.tokens = document.tokens
        self.bytes = bytes
        self.candidates = candidates
        let count = document.tokens.count
        givenName = Array(repeating: false, count: count)
        surname = givenName
        particle = givenName
        nameSuffix = givenName
        honorific = givenName
        orgSuffix = givenName
        orgKeywordStart = givenName
        locKeyword = givenName
        commonAcronym = givenName
        orgKeywordEnd = Array(repeating: nil, count: count)
        capitalsSentence = Array(repeating: false, count: document.sentences.count)
        // candidates come sorted by start token; any that were not are sorted here
        var entityIndices: [Int32] = []
        var entityStartsInOrder = true
        for (index, candidate) in candidates.enumerated() where candidate.code.isEntity {
            if let last = entityIndices.last, candidates[Int(last)].tokens.lowerBound > candidate.tokens.lowerBound {
                entityStartsInOrder = false
            }
            entityIndices.append(Int32(index))
        }
        if !entityStartsInOrder {
            entityIndices = entityIndices.enumerated().sorted { lhs, rhs in
                let left = candidates[Int(lhs.element)].tokens.lowerBound
                let right = candidates[Int(rhs.element)].tokens.lowerBound
                return left != right ? left < right : lhs.offset < rhs.offset
            }.map(\.element)
        }
        var entityOffsets = [Int32](repeating: 0, count: count + 1)
        var nextToken = 0
        for (position, index) in entityIndices.enumerated() {
            let first = min(candidates[Int(index)].tokens.lowerBound, count)
            while nextToken <= first {
                entityOffsets[nextToken] = Int32(position)
                nextToken += 1
            }
        }
        while nextToken <= count {
            entityOffsets[nextToken] = Int32(entityIndices.count)
            nextToken += 1
        }
        self.entityIndices = entityIndices
        self.entityOffsets = entityOffsets
        for candidate in candidates {
            let first = candidate.tokens.lowerBound
            let last = candidate.tokens.upperBound - 1
            switch candidate.code {
            case .givenName:
                // "The", "In": given names that are also function words are not evidence
                if candidate.tokens.count == 1, !givenName[first] {
                    if RecognitionContext.isFunctionWord(bytes, document.tokens[first].range) {
                        functionWordGivenNames.insert(first)
                    } else {
                        givenName[first] = true
                    }
                }
            case .surname: if candidate.tokens.count == 1 { surname[first] = true }
            case .nameParticle: if candidate.tokens.count == 1 { particle[first] = true }
            case .nameSuffix: nameSuffix[last] = true
            case .honorific: honorific[last] = true
            case .orgSuffix: orgSuffix[first] = true
            case .orgKeyword:
                let hint = recognizer.template(candidate.entry).hint
                orgKeywordEnd[last] = hint ?? orgKeywordEnd[last] ?? "other"
                orgKeywordStart[first] = true
            case .locKeyword: if candidate.tokens.count == 1 { locKeyword[first] = true }
            case .commonAcronym: commonAcronym[first] = true
            default:
                break
            }
        }
        for index in entityIndices {
            let candidate = candidates[Int(index)]
            let first = candidate.tokens.lowerBound
            guard candidate.code == .location, candidate.tokens.count == 1, first > 0,
                !document.tokens[first].isSentenceInitial, lexicon.isCommonWord(candidate.entry)
            else { continue }
            let previous = document.tokens[first - 1].range
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[previous.start..<previous.end]), as: UTF8.self)
            if EntityRecognizer.locativePrepositions.contains(word) { confirmedCommonPlaces.insert(candidate.entry.rawValue) }
        }
        for (index, sentence) in document.sentences.enumerated() {
            var letters = 0
            var upper = 0
            for tokenIndex in sentence.tokens where document.tokens[tokenIndex].kind == .word {
                letters += 1
                if isAllCaps(tokenIndex, in: document.tokens, bytes) { upper += 1 }
            }
            capitalsSentence[index] = letters >= 4 && upper * 10 >= letters * 7
        }
    }

    /// Indices into `candidates` of the entity candidates starting at token `position`.
    @inline(__always)
    func entityStarts(at position: Int) -> ArraySlice<Int32> {
        entityIndices[Int(entityOffsets[position])..<Int(entityOffsets[position + 1])]
    }

    // MARK: - Token tests

    func word(_ index: Int) -> String {
        let range = tokens[index].range
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range.start..<range.end]), as: UTF8.self)
    }

    func firstScalar(_ index: Int) -> Unicode.Scalar {
        let start = tokens[index].range.start
        let lead = bytes[start]
        if lead < 0x80 { return Unicode.Scalar(lead) }
        return UTF8Scalars.decode(bytes, at: start, end: tokens[index].range.end).0
    }

    /// A word starting with a capital letter ("Kyiv", "U.S.", "McDonald", "J.").
    func isCapitalised(_ index: Int) -> Bool {
        guard index >= 0, index < tokens.count, tokens[index].kind == .word else { return false }
        let lead = bytes[tokens[index].range.start]
        if lead < 0x80 { return lead >= 0x41 && lead <= 0x5A }
        return firstScalar(index).properties.isUppercase
    }

    func isAllCaps(_ index: Int, in tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = tokens[index].range
        var letters = 0
        for offset in range.start..<range.end {
            let byte = bytes[offset]
            if byte >= 0x61 && byte <= 0x7A { return false }
            if byte >= 0x41 && byte <= 0x5A { letters += 1 }
        }
        return letters >= 2
    }

    /// An all-capitals word of two to six letters (digits and "&" allowed): "NATO", "6PR" is not.
    func isAcronym(_ index: Int) -> Bool {
        guard tokens[index].kind == .word else { return false }
        let range = tokens[index].range
        guard range.length >= 2, range.length <= 7 else { return false }
        var letters = 0
        for offset in range.start..<range.end {
            let byte = bytes[offset]
            if byte >= 0x41 && byte <= 0x5A {
                letters += 1
            } else if !(byte >= 0x30 && byte <= 0x39) && byte != UInt8(ascii: "&") && byte != UInt8(ascii: ".") {
                return false
            }
        }
        return letters >= 2
    }

    func isText(_ index: Int, _ options: Set<String>) -> Bool {
        guard index >= 0, index < tokens.count, tokens[index].range.length <= 12 else { return false }
        return options.contains(word(index))
    }

    func inCapitalsSentence(_ index: Int) -> Bool {
        let sentence = tokens[index].sentence
        return sentence < capitalsSentence.count && capitalsSentence[sentence]
    }

    /// True when the word appears in lower case somewhere in the document.
    mutating func occursInLowerCase(_ word: String) -> Bool {
        // Short documents: compare bytes directly (cheaper than hashing every word once).
        if tokens.count < 4000 {
            let target = Array(word.lowercased().utf8)
            guard let head = target.first else { return false }
            for token in tokens where token.range.length == target.count && bytes[token.range.start] == head {
                var equal = true
                for offset in 1..<max(1, target.count) where bytes[token.range.start + offset] != target[offset] {
                    equal = false
                    break
                }
                if equal { return true }
            }
            return false
        }
        if lowercaseWords == nil {
            var words = Set<String>()
            for (index, token) in tokens.enumerated() where token.kind == .word {
                let lead = bytes[token.range.start]
                if lead >= 0x61 && lead <= 0x7A { words.insert(self.word(index)) }
            }
            lowercaseWords = words
        }
        return lowercaseWords?.contains(word.lowercased()) ?? false
    }

    /// `occursInLowerCase(word(index).lowercased())` for an ASCII token in a short document:
    /// every token compared with the token's lower-cased bytes.
    func occursInLowerCase(asciiLowered range: TextRange) -> Bool {
        let length = range.length
        guard length > 0 else { return false }
        @inline(__always) func lowered(_ offset: Int) -> UInt8 {
            let byte = bytes[range.start + offset]
            return byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }
        let head = lowered(0)
        for token in tokens where token.range.length == length && bytes[token.range.start] == head {
            var equal = true
            for offset in 1..<max(1, length) where bytes[token.range.start + offset] != lowered(offset) {
                equal = false
                break
            }
            if equal { return true }
        }
        return false
    }

    /// True when a sentence-initial capital is the only evidence for the token being a name.
    mutating func isOnlySentenceCapital(_ index: Int) -> Bool {
        guard tokens[index].isSentenceInitial else { return false }
        let range = tokens[index].range
        // ASCII words (the common case): lower-cased and compared as bytes, without strings.
        var ascii = true
        var upper = false
        for offset in range.start..<range.end {
            let byte = bytes[offset]
            if byte >= 0x80 {
                ascii = false
                break
            }
            if byte >= 0x41 && byte <= 0x5A { upper = true }
        }
        if ascii, tokens.count < 4000 {
            if RecognitionContext.isFunctionWord(bytes, range) { return true }
            guard upper else { return false }
            return occursInLowerCase(asciiLowered: range)
        }
        let text = word(index)
        let lowered = text.lowercased()
        if EntityRecognizer.functionWords.contains(lowered) { return true }
        return text != lowered && occursInLowerCase(lowered)
    }
}

extension RecognitionContext {
    /// Longest function word, in bytes.
    static let functionWordMaxLength = EntityRecognizer.functionWords.map(\.utf8.count).max() ?? 0
    /// `EntityRecognizer.functionWords` as packed bytes, looked up without building strings.
    static let functionWordTable = PackedWordSet(EntityRecognizer.functionWords)

    /// `EntityRecognizer.functionWords.contains(text.lowercased())` for the token's text, without
    /// building a string for ASCII words too long to be one.
    static func isFunctionWord(_ bytes: UnsafeBufferPointer<UInt8>, _ range: TextRange) -> Bool {
        var ascii = true
        for offset in range.start..<range.end where bytes[offset] >= 0x80 {
            ascii = false
            break
        }
        if ascii {
            // lower-casing ASCII keeps the length
            guard range.length <= functionWordMaxLength else { return false }
            if range.length <= PackedWordSet.maxLength { return functionWordTable.contains(bytes, range.start, range.end) }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range.start..<range.end]), as: UTF8.self)
        return EntityRecognizer.functionWords.contains(text.lowercased())
    }
}
