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
            guard open + 2 < tokens.count, isWord(open, "("), isAcronym(open + 1), isWord(open + 2, ")") else { continue }
            let proposal = chosen[index]
            var acronym = proposal
            acronym.tokens = (open + 1)..<(open + 2)
            acronym.rule = .acronymDefinition
            acronym.details = EntityTemplate(
                label: proposal.label, subtype: proposal.subtype,
                canonical: proposal.canonical ?? CanonicalReference(name: text(of: proposal.tokens)),
                features: proposal.features, lexicon: nil)
            acronym.strength = 4
            additions.append(acronym)
        }
        guard !additions.isEmpty else { return }
        chosen.removeAll { existing in additions.contains { $0.tokens == existing.tokens } }
        chosen.append(contentsOf: additions)
        chosen.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// Document-level consistency: later short forms of a person's name and reused acronyms take
    /// the label and canonical name of their full mention.
    mutating func applyConsistency(_ chosen: inout [Proposal], unknown: [Range<Int>]) {
        // Name parts of people named with two or more words, and defined acronyms: the keys
        // are gathered in order first (`fulls` holds the proposals they name), then each table
        // is built at once (a person's or head's first mention wins, an acronym's last).
        var fulls: [Proposal] = []
        var personKeys: [(String, Int32)] = []
        var acronymKeys: [(String, Int32)] = []
        // "the Australian Football League" ... "the League": an organisation by its head word
        var headKeys: [(String, Int32)] = []
        fulls.reserveCapacity(chosen.count)
        personKeys.reserveCapacity(chosen.count * 2)
        for index in chosen.indices {
            let span = chosen[index].tokens
            let label = chosen[index].label
            guard label == .organization || label == .person || chosen[index].rule == .acronymDefinition else { continue }
            let proposal = chosen[index]
            if label == .organization, span.count >= 2 {
                let last = span.upperBound - 1
                if endsOrgKeyword(last), isCapitalised(last) {
                    headKeys.append((word(last), Int32(fulls.count)))
                    fulls.append(proposal)
                }
            }
            if label == .person, span.count >= 2 {
                // (a short form of a name without a canonical reference gets the full text as
                // its canonical name: see `shortForm`)
                let full = Int32(fulls.count)
                fulls.append(proposal)
                // a first name that is also a function word ("Will Smith") does not make a later
                // "Will" a person; a surname does ("Theresa May" ... "May told")
                for position in proposal.tokens where isCapitalised(position) && tokens[position].range.length >= 3
                    && (position == proposal.tokens.upperBound - 1 || !RecognitionContext.isFunctionWord(bytes, tokens[position].range))
                {
                    personKeys.append((word(position), full))
                }
                // surnames given as features ("surname=Zelenskyy|Zelensky")
                if let surnames = proposal.details?.features["surname"] {
                    for part in surnames.split(separator: "|") { personKeys.append((String(part), full)) }
                }
            }
            if proposal.rule == .acronymDefinition {
                acronymKeys.append((text(of: proposal.tokens), Int32(fulls.count)))
                fulls.append(proposal)
            }
        }
        guard !personKeys.isEmpty || !acronymKeys.isEmpty || !headKeys.isEmpty else { return }
        let peopleIndex = Dictionary(personKeys, uniquingKeysWith: { first, _ in first })
        let acronymIndex = Dictionary(acronymKeys, uniquingKeysWith: { _, last in last })
        let headIndex = Dictionary(headKeys, uniquingKeysWith: { first, _ in first })
        // Most words are none of these keys: a bitmap of the keys' byte hashes rules them out
        // before a string is built and hashed.
        var keys = ByteKeyFilter()
        for key in peopleIndex.keys { keys.insert(key) }
        for key in acronymIndex.keys { keys.insert(key) }
        for key in headIndex.keys { keys.insert(key) }
        var changed = false
        for offset in chosen.indices where chosen[offset].tokens.count == 1 {
            guard keys.mayContain(bytes, tokens[chosen[offset].tokens.lowerBound].range) else { continue }
            let proposal = chosen[offset]
            let part = word(proposal.tokens.lowerBound)
            if let person = peopleIndex[part].map({ fulls[Int($0)] }), proposal.label != .person, proposal.label != .title,
                proposal.label != .nationality, proposal.rule != .acronymDefinition
            {
                chosen[offset] = shortForm(of: person, at: proposal.tokens)
                changed = true
            } else if let defined = acronymIndex[part].map({ fulls[Int($0)] }), proposal.rule != .acronymDefinition, proposal.label != defined.label {
                var reused = defined
                reused.tokens = proposal.tokens
                reused.rule = .acronymDefinition
                chosen[offset] = reused
                changed = true
            }
        }
        // Unknown capitalised runs: a single known name part, or an acronym defined earlier.
        for run in unknown where run.count == 1 {
            guard keys.mayContain(bytes, tokens[run.lowerBound].range) else { continue }
            let part = word(run.lowerBound)
            if let person = peopleIndex[part].map({ fulls[Int($0)] }) {
                chosen.append(shortForm(of: person, at: run))
                changed = true
            } else if var defined = acronymIndex[part].map({ fulls[Int($0)] }), !tokens[run.lowerBound].isSentenceInitial || isAcronym(run.lowerBound) {
                defined.tokens = run
                chosen.append(defined)
                changed = true
            } else if let organisation = headIndex[part].map({ fulls[Int($0)] }), organisation.tokens.upperBound <= run.lowerBound,
                run.lowerBound > 0 && isWord(run.lowerBound - 1, "the", "The") || !tokens[run.lowerBound].isSentenceInitial
                    || !isOnlySentenceCapital(run.lowerBound)
            {
                // "the Coalition", "Coalition partners", "with Coalition forces": the head word of
                // an organisation named before, after "the" or capitalised where a capital says so
                chosen.append(shortForm(of: organisation, at: run, rule: .orgShortForm))
                changed = true
            }
        }
        if changed { chosen.sort { $0.tokens.lowerBound < $1.tokens.lowerBound } }
    }

    /// A later short mention of a name given in full: same label and canonical reference.
    func shortForm(of full: Proposal, at tokens: Range<Int>, rule: Rule = .personShortForm) -> Proposal {
        var details = full.details
        if details?.canonical == nil {
            details = EntityTemplate(
                label: full.label, subtype: full.subtype, canonical: CanonicalReference(name: text(of: full.tokens)),
                features: full.features, lexicon: full.lexicon)
        }
        return Proposal(tokens: tokens, label: full.label, subtype: full.label == .person ? .none : full.subtypeCode, rule: rule, strength: 2, details: details)
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
        let hash = key.withUTF8 { Self.hash($0, 0, $0.count) }
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
