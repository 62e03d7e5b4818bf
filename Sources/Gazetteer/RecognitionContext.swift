import GazetteCore
import Synchronization

/// The working state of `EntityRecognizer` for one document.
struct RecognitionContext {
    /// The rule that proposed an entity, written in `source.rule`.
    enum Rule: String {
        case lexicon
        case titleBeforeName = "title-before-name"
        case titleApposition = "title-apposition"
        case titleName = "title-name"
        case givenName = "given-name"
        case initialsName = "initials-name"
        case knownSurname = "known-surname"
        case directionPlace = "direction-place"
        case orgKeyword = "org-keyword"
        case locKeyword = "loc-keyword"
        case numberedUnit = "numbered-unit"
        case placeTeam = "place-team"
        case acronym
        case acronymDefinition = "acronym-definition"
        case personShortForm = "person-short-form"
        case orgShortForm = "org-short-form"
        case placeRegion = "place-region"
        case placeBeforeRegion = "place-before-region"
        case portfolioTitle = "portfolio-title"
        case dateline
        case placePreposition = "place-preposition"
    }

    /// An entity proposed by a rule, before overlaps are resolved. Its fields are plain values
    /// and `details` is an unowned reference: copies cost no reference counting (proposals are
    /// copied from the pieces of a chunk to the document's list, then to the chosen ones).
    struct Proposal {
        var tokens: Range<Int>
        var label: EntityLabel
        /// The subtype as a code; `.fromDetails` means `details.subtype`.
        var subtypeCode: SubtypeCode
        var rule: Rule
        /// Higher wins among overlapping proposals of equal length.
        var strength: Int
        /// Canonical reference, features and list line, shared with the lexicon entry (or the
        /// full mention) they come from; nil for a name no list or earlier mention describes.
        ///
        /// Not retained: a template of a lexicon entry is kept by the recognizer's shared
        /// `EntityTemplateCache` (which never drops one) and a template made for one document
        /// (acronym definitions, short forms) by `LocalTemplateCache.keep(_:)` until the
        /// document's entities are built (see `RecognitionContext.keep(_:)`).
        var details: EntityTemplate? {
            get { detailsRef?.takeUnretainedValue() }
            set { detailsRef = newValue.map { Unmanaged.passUnretained($0) } }
        }
        /// `details` as stored: read in place (`_withUnsafeGuaranteedRef`) on hot paths, without
        /// the retain and release of a strong reference.
        var detailsRef: Unmanaged<EntityTemplate>?

        init(tokens: Range<Int>, label: EntityLabel, subtype: SubtypeCode = .none, rule: Rule, strength: Int, details: EntityTemplate? = nil) {
            self.tokens = tokens
            self.label = label
            self.subtypeCode = subtype
            self.rule = rule
            self.strength = strength
            self.detailsRef = details.map { Unmanaged.passUnretained($0) }
        }

        /// A proposal whose details are the (kept) template `detailsRef`.
        init(tokens: Range<Int>, label: EntityLabel, subtype: SubtypeCode, rule: Rule, strength: Int, detailsRef: Unmanaged<EntityTemplate>) {
            self.tokens = tokens
            self.label = label
            self.subtypeCode = subtype
            self.rule = rule
            self.strength = strength
            self.detailsRef = detailsRef
        }

        /// The subtype's text.
        var subtype: String? { subtypeCode == .fromDetails ? details?.subtype : subtypeCode.text }
        var canonical: CanonicalReference? { details?.canonical }
        var features: [String: String] { details?.features ?? [:] }
        var lexicon: String? { details?.lexicon }
    }

    /// Per-token facts from the auxiliary lists and the token's text, one bit each.
    struct TokenFlags: OptionSet {
        let rawValue: UInt16
        static let givenName = TokenFlags(rawValue: 1 << 0)
        static let surname = TokenFlags(rawValue: 1 << 1)
        static let particle = TokenFlags(rawValue: 1 << 2)
        static let nameSuffix = TokenFlags(rawValue: 1 << 3)
        static let honorific = TokenFlags(rawValue: 1 << 4)
        static let orgSuffix = TokenFlags(rawValue: 1 << 5)
        /// First token of an organisation keyword.
        static let orgKeywordStart = TokenFlags(rawValue: 1 << 6)
        static let locKeyword = TokenFlags(rawValue: 1 << 7)
        /// All-capital words that are abbreviations of things, not organisation names ("IED", "GDP").
        static let commonAcronym = TokenFlags(rawValue: 1 << 8)
        /// Given names that are also function words ("Will", "May"), which `givenName` leaves out.
        static let functionWordGivenName = TokenFlags(rawValue: 1 << 9)
        /// A word starting with a capital letter (see `isCapitalised`).
        static let capitalised = TokenFlags(rawValue: 1 << 10)
        /// A word of two or more capital letters and no lower-case ASCII letter.
        static let allCaps = TokenFlags(rawValue: 1 << 11)
        /// A lower-case title comes right before this capitalised word (see `titleBefore`).
        static let titleBefore = TokenFlags(rawValue: 1 << 12)
        /// A one-word organisation keyword that names one body alone ("Coalition": see
        /// `EntityTemplate.namesBodyAlone`).
        static let bodyKeyword = TokenFlags(rawValue: 1 << 13)
        /// A given name that is more often an English word than a name ("Rock", "Delta": see
        /// `EntityTemplate.isWordFirstName`).
        static let wordFirstGivenName = TokenFlags(rawValue: 1 << 14)
    }

    let recognizer: EntityRecognizer
    let tokens: [Token]
    let bytes: UnsafeBufferPointer<UInt8>
    let candidates: [LexiconCandidate]
    var lexicon: CompiledLexicon { recognizer.lexicon }

    /// Token flags, by token.
    var flags: [TokenFlags]
    /// Last token of an organisation keyword ("Bank", "Air Force"): the organisation subtype its
    /// hint gives (`.none` where no keyword ends).
    var orgKeywordEnd: [SubtypeCode]
    /// Per token, its length (capped at 255) times 256 plus its first byte: lets
    /// `occursInLowerCase(asciiLowered:)` skip most tokens without touching the text.
    var tokenKeys: [UInt16]
    /// Indices into `candidates` of the entity candidates, by start token: those starting at
    /// token t are `entityIndices[entityOffsets[t]..<entityOffsets[t + 1]]` (see `entityRange(at:)`).
    var entityIndices: [Int32]
    var entityOffsets: [Int32]
    /// Lower-case words of the document (built on first use).
    var lowercaseWords: Set<String>?
    /// Titles written in lower case right before a capitalised name, by the name's first token.
    var titleBefore: [Int: Proposal] = [:]
    /// True for sentences written in capitals (headlines), where capitals prove nothing.
    var capitalsSentence: [Bool]
    /// Entries spelled as common words that the document confirms: places it once introduces
    /// with a locative preposition ("in Reading": their other mid-sentence mentions count too),
    /// and organisations it names capitalised inside a sentence ("Apple": a mention opening a
    /// sentence counts too). (One array for both: the context stays small enough to copy
    /// inline.)
    var confirmedCommonEntries: [UInt32] = []
    /// Buffers `analyse` reuses from chunk to chunk (emptied, capacity kept).
    struct ChunkBuffers {
        /// The end of the last ship's name ("USS Gerald R. Ford"): chunks before it are in it.
        var shipNameEnd = 0
        var inside: [Int32] = []
        /// Per token, the stamp of the last chunk whose lexicon tiling covered it.
        var covered: [Int]
        var pieces: [Proposal] = []

        init(tokenCount: Int) {
            covered = [Int](repeating: 0, count: tokenCount)
        }

        /// Buffers over `covered` (of zeros, one per token).
        init(covered: [Int]) {
            self.covered = covered
        }
    }

    /// The chunk coverage stamps `run` hands to its `ChunkBuffers` (zeros, one per token), kept
    /// here to go back to the pool with the other buffers.
    var coveredStore: [Int]
    /// This thread's templates (see `template(_:)`), from the pooled buffers.
    let localTemplates: LocalTemplateCache

    /// `array` made `count` copies of `value`, its storage kept: the elements it keeps are
    /// overwritten in place, any missing appended.
    @inline(__always)
    static func refill<Element>(_ array: inout [Element], with value: Element, count: Int) {
        if array.count > count { array.removeLast(array.count - count) }
        array.withUnsafeMutableBufferPointer { $0.update(repeating: value) }
        if array.count < count { array.append(contentsOf: repeatElement(value, count: count - array.count)) }
    }

    init(
        recognizer: EntityRecognizer, document: Document, bytes: UnsafeBufferPointer<UInt8>, candidates: [LexiconCandidate],
        buffers: inout RecognitionBuffers
    ) {
        self.recognizer = recognizer
        self.tokens = document.tokens
        self.bytes = bytes
        self.candidates = candidates
        let localTemplates = buffers.templates ?? LocalTemplateCache()
        buffers.templates = localTemplates
        self.localTemplates = localTemplates
        let tokens = document.tokens
        let count = tokens.count
        // (the arrays of the pooled buffers, moved out (so unique) and refilled: no allocation
        // once they are large enough)
        var flags: [TokenFlags] = []
        swap(&flags, &buffers.flags)
        Self.refill(&flags, with: [], count: count)
        var tokenKeys: [UInt16] = []
        swap(&tokenKeys, &buffers.tokenKeys)
        Self.refill(&tokenKeys, with: 0, count: count)
        var capitalsSentence: [Bool] = []
        swap(&capitalsSentence, &buffers.capitalsSentence)
        Self.refill(&capitalsSentence, with: false, count: document.sentences.count)
        coveredStore = []
        swap(&coveredStore, &buffers.covered)
        Self.refill(&coveredStore, with: 0, count: count)
        // One pass over the tokens: capitals, keys and all-capital words, counted per sentence
        // on the way where the sentences' token ranges tile the tokens in order (as the
        // tokenizer makes them); otherwise the sentences are counted in a second pass.
        var tiled = true
        var expected = 0
        for sentence in document.sentences {
            guard sentence.tokens.lowerBound == expected else {
                tiled = false
                break
            }
            expected = sentence.tokens.upperBound
        }
        if expected != count { tiled = false }
        tokens.withUnsafeBufferPointer { tokens in
            flags.withUnsafeMutableBufferPointer { flags in
                tokenKeys.withUnsafeMutableBufferPointer { tokenKeys in
                    /// Flags and key of one token; true for a word in capitals.
                    @inline(__always) func scan(_ index: Int) -> (word: Bool, allCaps: Bool) {
                        let range = tokens[index].range
                        // (the byte at the token's start, as `isCapitalised` always read it)
                        let lead = range.start < bytes.count ? bytes[range.start] : 0
                        tokenKeys[index] = UInt16(min(range.length, 255)) << 8 | UInt16(lead)
                        guard tokens[index].kind == .word else { return (false, false) }
                        // (a word opening with a lower-case letter has no flag to set here)
                        if lead >= 0x61 && lead <= 0x7A { return (true, false) }
                        var flag: TokenFlags = []
                        if lead < 0x80 {
                            if lead >= 0x41 && lead <= 0x5A { flag = .capitalised }
                        } else if UTF8Scalars.decode(bytes, at: range.start, end: range.end).0.properties.isUppercase {
                            flag = .capitalised
                        }
                        let allCaps = RecognitionContext.isAllCaps(range, bytes)
                        if allCaps { flag.insert(.allCaps) }
                        flags[index] = flag
                        return (true, allCaps)
                    }
                    if tiled {
                        for (sentenceIndex, sentence) in document.sentences.enumerated() {
                            var letters = 0
                            var upper = 0
                            for index in sentence.tokens {
                                let (word, allCaps) = scan(index)
                                if word { letters += 1 }
                                if allCaps { upper += 1 }
                            }
                            capitalsSentence[sentenceIndex] = letters >= 4 && upper * 10 >= letters * 7
                        }
                        return
                    }
                    for index in 0..<count { _ = scan(index) }
                }
            }
            guard !tiled else { return }
            flags.withUnsafeBufferPointer { flags in
                for (index, sentence) in document.sentences.enumerated() {
                    var letters = 0
                    var upper = 0
                    for tokenIndex in sentence.tokens where tokens[tokenIndex].kind == .word {
                        letters += 1
                        if flags[tokenIndex].contains(.allCaps) { upper += 1 }
                    }
                    capitalsSentence[index] = letters >= 4 && upper * 10 >= letters * 7
                }
            }
        }
        self.capitalsSentence = capitalsSentence
        // candidates come sorted by start token; any that were not are sorted here
        // (the arrays are written through buffer pointers: no uniqueness test per write;
        // `entityIndices` is sized for every candidate, then cut to the entities)
        var entityIndices: [Int32] = []
        swap(&entityIndices, &buffers.entityIndices)
        Self.refill(&entityIndices, with: 0, count: candidates.count)
        var entityCount = 0
        var entityStartsInOrder = true
        var orgKeywordEnd: [SubtypeCode] = []
        swap(&orgKeywordEnd, &buffers.orgKeywordEnd)
        Self.refill(&orgKeywordEnd, with: .none, count: count)
        candidates.withUnsafeBufferPointer { candidates in
            tokens.withUnsafeBufferPointer { tokens in
                flags.withUnsafeMutableBufferPointer { flags in
                    orgKeywordEnd.withUnsafeMutableBufferPointer { orgKeywordEnd in
                        entityIndices.withUnsafeMutableBufferPointer { entityIndices in
                            var lastStart = Int.min
                            for index in candidates.indices {
                                let code = candidates[index].code
                                let span = candidates[index].tokens
                                let first = span.lowerBound
                                if code.isEntity {
                                    if lastStart > first { entityStartsInOrder = false }
                                    lastStart = first
                                    entityIndices[entityCount] = Int32(index)
                                    entityCount += 1
                                    continue
                                }
                                let last = span.upperBound - 1
                                switch code {
                                case .givenName:
                                    // "The", "In": given names that are also function words are not evidence
                                    if span.count == 1, !flags[first].contains(.givenName) {
                                        if RecognitionContext.isFunctionWord(bytes, tokens[first].range) {
                                            flags[first].insert(.functionWordGivenName)
                                        } else {
                                            flags[first].insert(.givenName)
                                            if recognizer.lexicon.isCommonWord(candidates[index].entry),
                                                Self.templateRef(candidates[index].entry, recognizer, localTemplates)
                                                    ._withUnsafeGuaranteedRef(\.isWordFirstName)
                                            {
                                                flags[first].insert(.wordFirstGivenName)
                                            }
                                        }
                                    }
                                case .surname: if span.count == 1 { flags[first].insert(.surname) }
                                case .nameParticle: if span.count == 1 { flags[first].insert(.particle) }
                                case .nameSuffix: flags[last].insert(.nameSuffix)
                                case .honorific: flags[last].insert(.honorific)
                                case .orgSuffix: flags[first].insert(.orgSuffix)
                                case .orgKeyword:
                                    let keyword = Self.templateRef(candidates[index].entry, recognizer, localTemplates)
                                    let hint = keyword._withUnsafeGuaranteedRef(\.hintSubtype)
                                    if span.count == 1, keyword._withUnsafeGuaranteedRef(\.namesBodyAlone) {
                                        flags[first].insert(.bodyKeyword)
                                    }
                                    if hint != .none {
                                        orgKeywordEnd[last] = hint
                                    } else if orgKeywordEnd[last] == .none {
                                        orgKeywordEnd[last] = .other
                                    }
                                    flags[first].insert(.orgKeywordStart)
                                case .locKeyword: if span.count == 1 { flags[first].insert(.locKeyword) }
                                case .commonAcronym: flags[first].insert(.commonAcronym)
                                default:
                                    break
                                }
                            }
                        }
                    }
                }
            }
        }
        entityIndices.removeLast(entityIndices.count - entityCount)
        if !entityStartsInOrder {
            entityIndices = entityIndices.enumerated().sorted { lhs, rhs in
                let left = candidates[Int(lhs.element)].tokens.lowerBound
                let right = candidates[Int(rhs.element)].tokens.lowerBound
                return left != right ? left < right : lhs.offset < rhs.offset
            }.map(\.element)
        }
        var entityOffsets: [Int32] = []
        swap(&entityOffsets, &buffers.entityOffsets)
        Self.refill(&entityOffsets, with: 0, count: count + 1)
        entityOffsets.withUnsafeMutableBufferPointer { entityOffsets in
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
        }
        self.entityIndices = entityIndices
        self.entityOffsets = entityOffsets
        self.flags = flags
        self.orgKeywordEnd = orgKeywordEnd
        self.tokenKeys = tokenKeys
        for index in entityIndices {
            let span = candidates[Int(index)].tokens
            let first = span.lowerBound
            // "... Apple's iPhone": a capitalised mid-sentence mention of a company so spelled
            if candidates[Int(index)].code == .organization, span.count == 1, first > 0, !tokens[first].isSentenceInitial,
                !capitalsSentence[tokens[first].sentence], lexicon.isCommonWord(candidates[Int(index)].entry),
                isCapitalised(first)
            {
                let entry = candidates[Int(index)].entry.rawValue
                if !confirmedCommonEntries.contains(entry) { confirmedCommonEntries.append(entry) }
                continue
            }
            guard candidates[Int(index)].code == .location, span.count == 1, first > 0, !tokens[first].isSentenceInitial else { continue }
            // (the entry's flag first: one load, where the word test walks the token)
            guard lexicon.isCommonWord(candidates[Int(index)].entry),
                RecognitionContext.confirmingPrepositionSet.contains(bytes, tokens[first - 1].range)
            else { continue }
            let entry = candidates[Int(index)].entry.rawValue
            if !confirmedCommonEntries.contains(entry) { confirmedCommonEntries.append(entry) }
        }
    }

    /// The template of a lexicon entry (see `EntityRecognizer.template(_:)`): from this thread's
    /// cache without a lock where it is there, else from the recognizer (and then kept here).
    @inline(__always)
    func template(_ entry: LexiconEntryID) -> EntityTemplate {
        Self.templateRef(entry, recognizer, localTemplates).takeUnretainedValue()
    }

    /// `template(_:)` unretained (the recognizer's shared cache keeps it): read in place with
    /// `_withUnsafeGuaranteedRef`, no reference counting.
    @inline(__always)
    func templateRef(_ entry: LexiconEntryID) -> Unmanaged<EntityTemplate> {
        Self.templateRef(entry, recognizer, localTemplates)
    }

    /// `templateRef(_:)` before the context is made.
    @inline(__always)
    static func templateRef(_ entry: LexiconEntryID, _ recognizer: EntityRecognizer, _ local: LocalTemplateCache) -> Unmanaged<EntityTemplate> {
        if let cached = local.template(for: entry) { return cached }
        let found = recognizer.template(entry)
        local.store(found, for: entry)
        // (the shared cache keeps every template but that of the entry `UInt32.max`, which
        // proposals may hold unowned: kept for the document here)
        if entry.rawValue == UInt32.max { local.keep(found) }
        return Unmanaged.passUnretained(found)
    }

    /// The population feature of an entry's template (0 when it has none), read in place.
    @inline(__always)
    func population(_ entry: LexiconEntryID) -> Int {
        templateRef(entry)._withUnsafeGuaranteedRef(\.population)
    }

    /// `template`, a template made for this document, kept alive until its entities are built
    /// (proposals hold their details unowned: see `Proposal.details`).
    @inline(__always)
    func keep(_ template: EntityTemplate) -> EntityTemplate {
        localTemplates.keep(template)
        return template
    }

    /// The slots of `entityIndices` holding the entity candidates that start at token
    /// `position` (a range, not a slice: no reference to retain).
    @inline(__always)
    func entityRange(at position: Int) -> Range<Int> {
        Int(entityOffsets[position])..<Int(entityOffsets[position + 1])
    }

    /// True when token `index` has all of `flag`.
    @inline(__always)
    func has(_ index: Int, _ flag: TokenFlags) -> Bool {
        flags[index].contains(flag)
    }

    /// True when token `index` ends an organisation keyword.
    @inline(__always)
    func endsOrgKeyword(_ index: Int) -> Bool {
        orgKeywordEnd[index] != .none
    }

    // MARK: - Token tests

    func word(_ index: Int) -> String {
        let range = tokens[index].range
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range.start..<range.end]), as: UTF8.self)
    }

    /// A word starting with a capital letter ("Kyiv", "U.S.", "McDonald", "J.").
    @inline(__always)
    func isCapitalised(_ index: Int) -> Bool {
        index >= 0 && index < flags.count && flags[index].contains(.capitalised)
    }

    /// Two or more capital letters and no lower-case ASCII letter.
    static func isAllCaps(_ range: TextRange, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
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

    /// True when token `index` is spelled exactly as one of `options` (tokens longer than
    /// `ExactWordSet.maxLength` bytes, as no word of these sets is, are not looked for).
    @inline(__always)
    func isText(_ index: Int, _ options: ExactWordSet) -> Bool {
        guard index >= 0, index < tokens.count, tokens[index].range.length <= ExactWordSet.maxLength else { return false }
        return options.contains(bytes, tokens[index].range)
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
    /// every token compared with the token's lower-cased bytes (most are ruled out by their
    /// length and first byte, read from `tokenKeys`).
    func occursInLowerCase(asciiLowered range: TextRange) -> Bool {
        let length = range.length
        guard length > 0 else { return false }
        @inline(__always) func lowered(_ offset: Int) -> UInt8 {
            let byte = bytes[range.start + offset]
            return byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }
        let head = lowered(0)
        guard length < 255 else {
            for token in tokens where token.range.length == length && bytes[token.range.start] == head {
                if matchesLowered(token.range.start) { return true }
            }
            return false
        }
        let key = UInt16(length) << 8 | UInt16(head)
        @inline(__always) func matchesLowered(_ start: Int) -> Bool {
            for offset in 1..<max(1, length) where bytes[start + offset] != lowered(offset) { return false }
            return true
        }
        return tokenKeys.withUnsafeBufferPointer { keys in
            guard let base = keys.baseAddress else { return false }
            let count = keys.count
            var index = 0
            // 16 keys at a time: most blocks hold no token of the right length and first byte
            let wanted = SIMD16<UInt16>(repeating: key)
            while index + 16 <= count {
                let block = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt16>.self)
                if any(block .== wanted) {
                    for offset in index..<(index + 16) where keys[offset] == key {
                        if matchesLowered(tokens[offset].range.start) { return true }
                    }
                }
                index += 16
            }
            while index < count {
                if keys[index] == key, matchesLowered(tokens[index].range.start) { return true }
                index += 1
            }
            return false
        }
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
    /// The per-document arrays, emptied for the next document (the context is done with them).
    mutating func takeBuffers() -> RecognitionBuffers {
        var buffers = RecognitionBuffers()
        swap(&buffers.flags, &flags)
        swap(&buffers.orgKeywordEnd, &orgKeywordEnd)
        swap(&buffers.tokenKeys, &tokenKeys)
        swap(&buffers.entityIndices, &entityIndices)
        swap(&buffers.entityOffsets, &entityOffsets)
        swap(&buffers.capitalsSentence, &capitalsSentence)
        swap(&buffers.covered, &coveredStore)
        // (the entities are built: the templates made for this document may go)
        localTemplates.releaseKept()
        buffers.templates = localTemplates
        return buffers
    }
}

/// The per-document arrays of `RecognitionContext` (token flags, keys, candidate offsets,
/// chunk stamps), kept from one document to the next so that their storage is reused.
struct RecognitionBuffers: Sendable {
    var flags: [RecognitionContext.TokenFlags] = []
    var orgKeywordEnd: [SubtypeCode] = []
    var tokenKeys: [UInt16] = []
    var entityIndices: [Int32] = []
    var entityOffsets: [Int32] = []
    var capitalsSentence: [Bool] = []
    var covered: [Int] = []
    /// The templates the rules looked up on this thread (made with the first document).
    var templates: LocalTemplateCache?

    /// The largest token count whose buffers go back to the pool (larger ones are freed, so
    /// that one huge document does not keep its memory).
    static let pooledTokenLimit = 1 << 18
}

/// Buffers not in use, lent to one document at a time (one set per thread at most in use).
final class RecognitionBufferPool: Sendable {
    private let idle = Mutex<[RecognitionBuffers]>([])

    /// Buffers of their own (from the pool, or new).
    func take() -> RecognitionBuffers {
        idle.withLock { $0.popLast() } ?? RecognitionBuffers()
    }

    /// Returns buffers to the pool (unless they are over `RecognitionBuffers.pooledTokenLimit`).
    func give(_ buffers: RecognitionBuffers) {
        guard buffers.covered.capacity <= RecognitionBuffers.pooledTokenLimit else { return }
        idle.withLock { $0.append(buffers) }
    }
}

extension RecognitionContext {
    /// Longest function word, in bytes.
    static let functionWordMaxLength = EntityRecognizer.functionWords.map(\.utf8.count).max() ?? 0
    /// `EntityRecognizer.functionWords` as packed bytes, looked up without building strings.
    static let functionWordTable = PackedWordSet(EntityRecognizer.functionWords)
    /// For each letter a-z, bit n set when some function word of n bytes (n < 16) starts with it.
    /// (Every function word is lower-case ASCII and starts with a letter.)
    static let functionWordShapes: [UInt16] = {
        var shapes = [UInt16](repeating: 0, count: 26)
        for word in EntityRecognizer.functionWords {
            let bytes = Array(word.utf8)
            guard let lead = bytes.first, lead >= 0x61, lead <= 0x7A, bytes.count < 16 else {
                // a word of another shape would need the table to pass everything
                return [UInt16](repeating: 0xFFFF, count: 26)
            }
            shapes[Int(lead - 0x61)] |= 1 << UInt16(bytes.count)
        }
        return shapes
    }()

    /// The word lists of the rules as exact byte sets (case kept), looked up without strings.
    static let connectorSet = ExactWordSet(EntityRecognizer.connectors)
    static let placeHeadSet = ExactWordSet(EntityRecognizer.placeHeads)
    static let directionSet = ExactWordSet(EntityRecognizer.directions)
    static let locativePrepositionSet = ExactWordSet(EntityRecognizer.locativePrepositions)
    static let confirmingPrepositionSet = ExactWordSet(EntityRecognizer.confirmingPrepositions)
    /// Words after a company's name that say it is the company ("Apple said", "Shell shares").
    static let companyCueSet = ExactWordSet([
        "said", "says", "shares", "stock", "announced", "reported", "posted", "Inc", "Inc.", "Corp", "Corp.", "plc", "CEO",
    ])
    static let glueableUnitSet = ExactWordSet(EntityRecognizer.glueableUnits)
    static let trailingPlaceWordSet = ExactWordSet(EntityRecognizer.trailingPlaceWords)

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
            // most words have a first letter and length no function word has
            if range.length < 16, range.length > 0 {
                let lead = bytes[range.start] | 0x20
                guard lead >= 0x61, lead <= 0x7A, functionWordShapes[Int(lead - 0x61)] & (1 << UInt16(range.length)) != 0
                else { return false }
            }
            if range.length <= PackedWordSet.maxLength { return functionWordTable.contains(bytes, range.start, range.end) }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range.start..<range.end]), as: UTF8.self)
        return EntityRecognizer.functionWords.contains(text.lowercased())
    }
}

/// A set of words looked up by the bytes of a token (case kept) without building a string: words
/// of up to 16 bytes are packed into two integers in an open-addressed table. An ASCII token
/// equals a string of ASCII words exactly when its bytes do; a token that is not ASCII (or any
/// token, should a word not be ASCII) is compared as a string, as `Set<String>` compares
/// (canonical equivalence).
struct ExactWordSet: Sendable {
    static let maxLength = PackedWordTable.maxLength
    private let table: PackedWordTable
    private let long: Set<String>
    /// The words as strings, for tokens that are not ASCII.
    private let words: Set<String>
    /// True when some word is not ASCII: every look-up compares strings.
    private let stringsOnly: Bool
    /// Bit n set: some word of n bytes (n < 64) is in the set.
    private let lengthMask: UInt64
    /// Bit b set: some word starts with byte b.
    private var leadMask: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init(_ words: Set<String>) {
        self.words = words
        stringsOnly = words.contains { word in word.utf8.contains { $0 >= 0x80 } }
        let kept = words.filter { $0.utf8.count <= Self.maxLength && !$0.isEmpty }
        long = words.filter { $0.utf8.count > Self.maxLength }
        var lengthMask: UInt64 = 0
        table = PackedWordTable(kept.map { word in
            let bytes = Array(word.utf8)
            let (a, b) = bytes.withUnsafeBufferPointer { Self.pack($0, 0, $0.count) }
            lengthMask |= 1 << UInt64(bytes.count)
            return (a, b, bytes.count)
        })
        self.lengthMask = lengthMask
        // (the first bytes of all words, the long ones too)
        for word in words {
            guard let lead = word.utf8.first else { continue }
            switch lead >> 6 {
            case 0: leadMask.0 |= 1 << UInt64(lead & 63)
            case 1: leadMask.1 |= 1 << UInt64(lead & 63)
            case 2: leadMask.2 |= 1 << UInt64(lead & 63)
            default: leadMask.3 |= 1 << UInt64(lead & 63)
            }
        }
    }

    /// True when the text `bytes[range]` is one of the words. (Inlined: the first byte rules
    /// most tokens out without a call; `containsText` decides the others.)
    @inline(__always)
    func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ range: TextRange) -> Bool {
        if range.length > 0, !stringsOnly {
            let first = bytes[range.start]
            if first < 0x80, !leadAllowed(first) { return false }
        }
        return containsText(bytes, range)
    }

    /// `contains(_:_:)` in full.
    private func containsText(_ bytes: UnsafeBufferPointer<UInt8>, _ range: TextRange) -> Bool {
        guard range.length > 0 else { return words.contains("") }
        // An ASCII first byte no word starts with rules the token out, also as a string: an
        // ASCII character stays first in any canonically equivalent form.
        let first = bytes[range.start]
        if !stringsOnly, first < 0x80, !leadAllowed(first) { return false }
        var ascii = !stringsOnly
        if ascii {
            for offset in range.start..<range.end where bytes[offset] >= 0x80 {
                ascii = false
                break
            }
        }
        guard ascii else {
            return words.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[range.start..<range.end]), as: UTF8.self))
        }
        let length = range.length
        guard length <= Self.maxLength else {
            return !long.isEmpty
                && long.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[range.start..<range.end]), as: UTF8.self))
        }
        // most words have a length no word of the set has
        guard lengthMask & (1 << UInt64(length)) != 0 else { return false }
        let (a, b) = Self.pack(bytes, range.start, range.end)
        return table.contains(a, b, length)
    }

    /// True when some word starts with `byte`.
    @inline(__always)
    private func leadAllowed(_ byte: UInt8) -> Bool {
        let bits: UInt64
        switch byte >> 6 {
        case 0: bits = leadMask.0
        case 1: bits = leadMask.1
        case 2: bits = leadMask.2
        default: bits = leadMask.3
        }
        return bits & (1 << UInt64(byte & 63)) != 0
    }

    /// The bytes, little-endian in two words.
    @inline(__always)
    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (UInt64, UInt64) {
        PackedWordTable.pack(bytes, start, end, lowered: false)
    }

}
