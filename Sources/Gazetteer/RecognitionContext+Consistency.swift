import GazetteCore

extension RecognitionContext {
    /// "Syrian Democratic Forces (SDF)": the acronym in parentheses gets the name's label and
    /// canonical name (rule `acronym-definition`), replacing any weaker reading of it.
    mutating func addAcronymDefinitions(_ chosen: inout [Proposal]) {
        var additions: [Proposal] = []
        for index in chosen.indices {
            let label = chosen[index].label
            guard label == .organization || label == .location || label == .person else { continue }
            let open = chosen[index].tokens.upperBound
            guard open + 2 < tokens.count, isByte(open, UInt8(ascii: "(")), isAcronym(open + 1), isByte(open + 2, UInt8(ascii: ")")) else { continue }
            // "Kyiv, Ukraine (AP)": the acronym's first letter must be an initial of the name
            // ("Kurdistan Workers’ Party (PKK)" is one; a name in another language is not checked)
            guard acronymInitialOccurs(open + 1, in: chosen[index].tokens) else { continue }
            let proposal = chosen[index]
            var acronym = proposal
            acronym.tokens = (open + 1)..<(open + 2)
            acronym.rule = .acronymDefinition
            acronym.details = keep(EntityTemplate(
                label: proposal.label, subtype: proposal.subtype,
                canonical: proposal.canonical ?? CanonicalReference(name: text(of: proposal.tokens)),
                features: proposal.features, lexicon: nil))
            acronym.strength = 4
            additions.append(acronym)
        }
        guard !additions.isEmpty else { return }
        chosen.removeAll { existing in additions.contains { $0.tokens == existing.tokens } }
        chosen.append(contentsOf: additions)
        chosen.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// True when the first letter of the acronym at token `acronym` is the first letter
    /// (case folded) of a capitalised word of `name`.
    func acronymInitialOccurs(_ acronym: Int, in name: Range<Int>) -> Bool {
        let initial = bytes[tokens[acronym].range.start] | 0x20
        for position in name where isCapitalised(position) {
            if bytes[tokens[position].range.start] | 0x20 == initial { return true }
        }
        return false
    }

    /// Document-level consistency: later short forms of a person's name and reused acronyms take
    /// the label and canonical name of their full mention.
    mutating func applyConsistency(_ chosen: inout [Proposal], unknown: [Range<Int>]) {
        // Name parts of people named with two or more words, and defined acronyms: the keys
        // are gathered in order first (`fulls` holds the indices in `chosen` of the proposals
        // they name: no proposal copied), then each table is built at once (a person's or
        // head's first mention wins, an acronym's last). The proposals named stay in place: the
        // replacements below touch only one-token proposals that are no acronym definitions,
        // and every full mention is either longer or one.
        var fulls: [Int32] = []
        var keys = ConsistencyKeys(capacity: chosen.count)
        fulls.reserveCapacity(chosen.count)
        for index in chosen.indices {
            let span = chosen[index].tokens
            let label = chosen[index].label
            guard label == .organization || label == .person || chosen[index].rule == .acronymDefinition else { continue }
            if label == .organization, span.count >= 2 {
                let last = span.upperBound - 1
                // "the Australian Football League" ... "the League": an organisation by its head word
                // "the New England Patriots" ... "the Patriots": a listed team by its nickname
                // (not the last word of a keyword with "of" in it: "Hall of Fame" ... "Fame")
                if endsOrgKeyword(last) && !isWord(last - 1, "of") || isTeamNickname(last, of: index, chosen), isCapitalised(last) {
                    keys.append(.head, bytes, tokens[last].range, full: Int32(fulls.count))
                    fulls.append(Int32(index))
                }
                // "Berkshire Hathaway" ... "Berkshire": a listed company by its first word
                if isCompanyFirstWord(of: index, chosen) {
                    keys.append(.head, bytes, tokens[span.lowerBound].range, full: Int32(fulls.count))
                    fulls.append(Int32(index))
                }
            }
            if label == .person, span.count >= 2 {
                // (a short form of a name without a canonical reference gets the full text as
                // its canonical name: see `shortForm`)
                let full = Int32(fulls.count)
                fulls.append(Int32(index))
                // a first name that is also a function word ("Will Smith") does not make a later
                // "Will" a person; a surname does ("Theresa May" ... "May told")
                for position in span where isCapitalised(position) && tokens[position].range.length >= 3
                    && (position == span.upperBound - 1 || !RecognitionContext.isFunctionWord(bytes, tokens[position].range))
                {
                    keys.append(.person, bytes, tokens[position].range, full: full)
                }
                // surnames given as features ("surname=Zelenskyy|Zelensky")
                if let details = chosen[index].details, !details.features.isEmpty, let surnames = details.features["surname"] {
                    for part in surnames.split(separator: "|") { keys.append(.person, String(part), full: full) }
                }
            }
            if chosen[index].rule == .acronymDefinition {
                let range = TextRange(tokens[span.lowerBound].range.start, tokens[span.upperBound - 1].range.end)
                keys.append(.acronym, bytes, range, full: Int32(fulls.count))
                fulls.append(Int32(index))
            }
        }
        guard !keys.isEmpty || unknown.contains(where: { $0.count == 1 && has($0.lowerBound, .bodyKeyword) }) else { return }
        keys.buildIndex()
        var changed = false
        for offset in chosen.indices where chosen[offset].tokens.count == 1 {
            let range = tokens[chosen[offset].tokens.lowerBound].range
            guard keys.mayContain(bytes, range) else { continue }
            let label = chosen[offset].label
            let rule = chosen[offset].rule
            if let person = keys.find(.person, bytes, range).map({ Int(fulls[Int($0)]) }), label != .person, label != .title,
                label != .nationality, rule != .acronymDefinition,
                // "Israel Katz" ... "Israel": a listed place is not a person's first name alone
                label != .location || !sameWord(chosen[person].tokens.lowerBound, chosen[offset].tokens.lowerBound)
            {
                chosen[offset] = shortForm(of: chosen[person], at: chosen[offset].tokens)
                changed = true
            } else if label == .location, rule == .lexicon, let company = keys.find(.head, bytes, range).map({ Int(fulls[Int($0)]) }),
                chosen[company].subtypeCode == .company, chosen[company].tokens.lowerBound != chosen[offset].tokens.lowerBound,
                sameWord(chosen[company].tokens.lowerBound, chosen[offset].tokens.lowerBound),
                // (a place of another country than the company's: "Texas Instruments ... in
                // Texas" and "Taiwan Semiconductor ... Taiwan" keep the place)
                let companyCountry = chosen[company].features["country"], let placeCountry = chosen[offset].features["country"],
                companyCountry != placeCountry
            {
                // "Berkshire Hathaway ... Berkshire said": the company, not the county
                chosen[offset] = shortForm(of: chosen[company], at: chosen[offset].tokens, rule: .orgShortForm)
                changed = true
            } else if let defined = keys.find(.acronym, bytes, range).map({ Int(fulls[Int($0)]) }), rule != .acronymDefinition,
                label != chosen[defined].label
            {
                var reused = chosen[defined]
                reused.tokens = chosen[offset].tokens
                reused.rule = .acronymDefinition
                chosen[offset] = reused
                changed = true
            }
        }
        // Unknown capitalised runs: a single known name part, or an acronym defined earlier.
        for run in unknown where run.count == 1 {
            let range = tokens[run.lowerBound].range
            // "the Coalition", "Coalition aircraft": a keyword that names one body alone, where
            // the document names no organisation with that head (those take it below)
            if has(run.lowerBound, .bodyKeyword), !tokens[run.lowerBound].isSentenceInitial,
                !keys.mayContain(bytes, range) || keys.find(.head, bytes, range) == nil
            {
                chosen.append(Proposal(tokens: run, label: .organization, subtype: .other, rule: .orgShortForm, strength: 1))
                changed = true
                continue
            }
            guard keys.mayContain(bytes, range) else { continue }
            if let person = keys.find(.person, bytes, range).map({ Int(fulls[Int($0)]) }) {
                chosen.append(shortForm(of: chosen[person], at: run))
                changed = true
            } else if let defined = keys.find(.acronym, bytes, range).map({ Int(fulls[Int($0)]) }),
                !tokens[run.lowerBound].isSentenceInitial || isAcronym(run.lowerBound),
                // (not the definition itself, which a rule may have left among the unknown runs)
                !chosen[defined].tokens.overlaps(run)
            {
                var reused = chosen[defined]
                reused.tokens = run
                chosen.append(reused)
                changed = true
            } else if let organisation = keys.find(.head, bytes, range).map({ Int(fulls[Int($0)]) }),
                !tokens[run.lowerBound].isSentenceInitial
                    || chosen[organisation].tokens.upperBound <= run.lowerBound
                        && (run.lowerBound > 0 && isWord(run.lowerBound - 1, "the", "The") || !isOnlySentenceCapital(run.lowerBound))
            {
                // "the Coalition", "Coalition partners", "with Coalition forces": the head word of
                // an organisation the document names, capitalised inside a sentence (the name may
                // come later: a closing paragraph often spells it out), or opening one after the
                // name, after "the" or where a capital says so
                chosen.append(shortForm(of: chosen[organisation], at: run, rule: .orgShortForm))
                changed = true
            }
        }
        if changed { chosen.sort { $0.tokens.lowerBound < $1.tokens.lowerBound } }
    }

    /// True when `chosen[index]` is a listed company of two or more words whose first word,
    /// capitalised and at least four letters long, may name it alone later ("Berkshire",
    /// "Goldman"): no organisation or place keyword, title, nationality or function word.
    func isCompanyFirstWord(of index: Int, _ chosen: [Proposal]) -> Bool {
        let span = chosen[index].tokens
        let first = span.lowerBound
        guard span.count >= 2, chosen[index].rule == .lexicon, chosen[index].subtypeCode == .company, isCapitalised(first),
            tokens[first].range.length >= 4, !has(first, .orgKeywordStart), !has(first, .locKeyword), !has(first, .givenName),
            !RecognitionContext.isFunctionWord(bytes, tokens[first].range)
        else { return false }
        return !entityRange(at: first).contains { slot in
            let code = candidates[Int(entityIndices[slot])].code
            return code == .nationality || code == .title
        }
    }

    /// True when token `last` ends the listed sports team `chosen[index]` with a word of its
    /// own, at least three letters long, that names the team alone ("Patriots", "Canadiens").
    func isTeamNickname(_ last: Int, of index: Int, _ chosen: [Proposal]) -> Bool {
        guard chosen[index].rule == .lexicon, tokens[last].range.length >= 3,
            chosen[index].detailsRef?._withUnsafeGuaranteedRef({ $0.isSportsTeam }) == true
        else { return false }
        return !RecognitionContext.isFunctionWord(bytes, tokens[last].range)
    }

    /// A later short mention of a name given in full: same label and canonical reference.
    func shortForm(of full: Proposal, at tokens: Range<Int>, rule: Rule = .personShortForm) -> Proposal {
        var details = full.details
        if details?.canonical == nil {
            details = keep(EntityTemplate(
                label: full.label, subtype: full.subtype, canonical: CanonicalReference(name: text(of: full.tokens)),
                features: full.features, lexicon: full.lexicon))
        }
        // "Ursula von der Leyen" ... "von der Leyen": the particles before the surname come along
        var start = tokens.lowerBound
        if full.label == .person, tokens.count == 1 {
            var inFull = full.tokens.upperBound - 2
            while start > 0, inFull > full.tokens.lowerBound, !full.tokens.contains(start - 1),
                RecognitionContext.nameParticleSet.contains(bytes, self.tokens[start - 1].range),
                sameWord(start - 1, inFull)
            {
                start -= 1
                inFull -= 1
            }
        }
        return Proposal(
            tokens: start..<tokens.upperBound, label: full.label, subtype: full.label == .person ? .none : full.subtypeCode,
            rule: rule, strength: 2, details: details)
    }

    /// True when tokens `a` and `b` are spelled the same, case included.
    func sameWord(_ a: Int, _ b: Int) -> Bool {
        let left = self.tokens[a].range
        let right = self.tokens[b].range
        guard left.length == right.length else { return false }
        for offset in 0..<left.length where bytes[left.start + offset] != bytes[right.start + offset] { return false }
        return true
    }

    func text(of range: Range<Int>) -> String {
        let start = tokens[range.lowerBound].range.start
        let end = tokens[range.upperBound - 1].range.end
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
}

/// A 1,024-bit bitmap of the FNV-1a hashes of some strings' UTF-8 bytes: `mayContain` is false
/// only for byte strings that are none of them (true may be a false positive).
struct ByteKeyFilter {
    private var bits = [UInt64](repeating: 0, count: 16)

    mutating func insert(_ key: String) {
        var key = key
        key.withUTF8 { insert($0, 0, $0.count) }
    }

    /// Inserts the bytes `bytes[start..<end]`.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        let hash = Self.hash(bytes, start, end)
        bits[Int(hash >> 6) & 15] |= 1 << (hash & 63)
    }

    func mayContain(_ bytes: UnsafeBufferPointer<UInt8>, _ range: TextRange) -> Bool {
        let hash = Self.hash(bytes, range.start, range.end)
        return bits[Int(hash >> 6) & 15] & (1 << (hash & 63)) != 0
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in start..<end { hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3 }
        return hash ^ (hash >> 29)
    }
}

/// The keys of `applyConsistency` (name parts, acronyms, organisation heads), each naming an
/// entry of its `fulls`, looked up by the bytes of a token. Their bytes are kept in one array;
/// when every key is ASCII they go into an open-addressed table compared bytewise (ASCII
/// strings are equal exactly when their bytes are). A key that is not ASCII, or a token that is
/// not (which may equal a key as a string, by canonical equivalence), is looked up as a string
/// in dictionaries built on first need, as `Dictionary<String, _>` compares.
struct ConsistencyKeys {
    enum Kind: UInt8 {
        /// A person's name part: the first mention wins.
        case person
        /// A defined acronym: the last definition wins.
        case acronym
        /// An organisation's head word: the first mention wins.
        case head
    }

    private var store: [UInt8] = []
    private var keys: [(start: Int32, end: Int32, kind: Kind, full: Int32)] = []
    private var ascii = true
    /// Open-addressed slots: a key's hash in the high 32 bits, its index in `keys` plus one in
    /// the low 32 (0: empty).
    private var slots: [UInt64] = []
    private var filter = ByteKeyFilter()
    /// The string tables, by kind (built on first need).
    private var strings: [[String: Int32]]? = nil

    var isEmpty: Bool { keys.isEmpty }

    /// The proposals the keys come from: room for their keys is made at the first key.
    private let proposals: Int

    /// Keys to come from about `proposals` proposals.
    init(capacity proposals: Int = 0) {
        self.proposals = proposals
    }

    /// Makes room for the keys at the first one (no regrowth after, no allocation without keys).
    @inline(__always)
    private mutating func reserveAtFirstKey() {
        guard keys.isEmpty else { return }
        store.reserveCapacity(proposals * 12)
        keys.reserveCapacity(proposals * 2)
    }

    /// Adds the key `bytes[range]`.
    mutating func append(_ kind: Kind, _ bytes: UnsafeBufferPointer<UInt8>, _ range: TextRange, full: Int32) {
        reserveAtFirstKey()
        let start = store.count
        let key = UnsafeBufferPointer(rebasing: bytes[range.start..<range.end])
        if ascii {
            for byte in key where byte >= 0x80 {
                ascii = false
                break
            }
        }
        store.append(contentsOf: key)
        keys.append((Int32(start), Int32(store.count), kind, full))
    }

    /// Adds the key `text`.
    mutating func append(_ kind: Kind, _ text: String, full: Int32) {
        reserveAtFirstKey()
        let start = store.count
        for byte in text.utf8 {
            if byte >= 0x80 { ascii = false }
            store.append(byte)
        }
        keys.append((Int32(start), Int32(store.count), kind, full))
    }

    /// Builds the look-up tables once every key is in.
    mutating func buildIndex() {
        store.withUnsafeBufferPointer { store in
            for key in keys { filter.insert(store, Int(key.start), Int(key.end)) }
        }
        guard ascii else {
            buildStrings()
            return
        }
        var capacity = 16
        while capacity < keys.count * 2 { capacity <<= 1 }
        slots = [UInt64](repeating: 0, count: capacity)
        let mask = capacity - 1
        store.withUnsafeBufferPointer { store in
            for (index, key) in keys.enumerated() {
                let hash = Self.hash(store, Int(key.start), Int(key.end), key.kind)
                var slot = Int(truncatingIfNeeded: hash >> 17) & mask
                var replaced = false
                while slots[slot] != 0 {
                    let other = keys[Int(slots[slot] & 0xFFFF_FFFF) - 1]
                    if slots[slot] >> 32 == hash >> 32, other.kind == key.kind,
                        Self.equal(store, Int(other.start), Int(other.end), store, Int(key.start), Int(key.end))
                    {
                        // the first mention wins, except for acronyms
                        if key.kind == .acronym { slots[slot] = hash & ~0xFFFF_FFFF | UInt64(index + 1) }
                        replaced = true
                        break
                    }
                    slot = (slot + 1) & mask
                }
                if !replaced { slots[slot] = hash & ~0xFFFF_FFFF | UInt64(index + 1) }
            }
        }
    }

    private mutating func buildStrings() {
        var people: [String: Int32] = [:]
        var acronyms: [String: Int32] = [:]
        var heads: [String: Int32] = [:]
        people.reserveCapacity(keys.count)
        store.withUnsafeBufferPointer { store in
            // (assigned last to first: the first mention of a name part or head is the one kept)
            for key in keys.reversed() where key.kind != .acronym {
                let text = String(decoding: UnsafeBufferPointer(rebasing: store[Int(key.start)..<Int(key.end)]), as: UTF8.self)
                if key.kind == .person { people[text] = key.full } else { heads[text] = key.full }
            }
            // (first to last: the last definition of an acronym is the one kept)
            for key in keys where key.kind == .acronym {
                acronyms[String(decoding: UnsafeBufferPointer(rebasing: store[Int(key.start)..<Int(key.end)]), as: UTF8.self)] = key.full
            }
        }
        var tables = [[String: Int32]](repeating: [:], count: 3)
        tables[Int(Kind.person.rawValue)] = people
        tables[Int(Kind.acronym.rawValue)] = acronyms
        tables[Int(Kind.head.rawValue)] = heads
        strings = tables
    }

    /// False when `bytes[range]` is certainly no key (see `ByteKeyFilter`).
    func mayContain(_ bytes: UnsafeBufferPointer<UInt8>, _ range: TextRange) -> Bool {
        filter.mayContain(bytes, range)
    }

    /// The `fulls` index of the key of `kind` that `bytes[range]` spells, if any.
    mutating func find(_ kind: Kind, _ bytes: UnsafeBufferPointer<UInt8>, _ range: TextRange) -> Int32? {
        var tokenASCII = true
        for offset in range.start..<range.end where bytes[offset] >= 0x80 {
            tokenASCII = false
            break
        }
        guard ascii, tokenASCII else {
            if strings == nil { buildStrings() }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range.start..<range.end]), as: UTF8.self)
            return strings?[Int(kind.rawValue)][text]
        }
        let hash = Self.hash(bytes, range.start, range.end, kind)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash >> 17) & mask
        return store.withUnsafeBufferPointer { store in
            while slots[slot] != 0 {
                let key = keys[Int(slots[slot] & 0xFFFF_FFFF) - 1]
                if slots[slot] >> 32 == hash >> 32, key.kind == kind,
                    Self.equal(store, Int(key.start), Int(key.end), bytes, range.start, range.end)
                {
                    return key.full
                }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    /// The table hash of a key of `kind`: its bytes' hash mixed with the kind.
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ kind: Kind) -> UInt64 {
        (ByteKeyFilter.hash(bytes, start, end) ^ UInt64(kind.rawValue)) &* 0x9E37_79B9_7F4A_7C15
    }

    @inline(__always)
    private static func equal(
        _ left: UnsafeBufferPointer<UInt8>, _ leftStart: Int, _ leftEnd: Int, _ right: UnsafeBufferPointer<UInt8>, _ rightStart: Int,
        _ rightEnd: Int
    ) -> Bool {
        guard leftEnd - leftStart == rightEnd - rightStart else { return false }
        for offset in 0..<(leftEnd - leftStart) where left[leftStart + offset] != right[rightStart + offset] { return false }
        return true
    }
}
