import GazetteCore

/// The `gazetteer` stage: marks the best non-overlapping lexicon matches of the entity labels
/// (PERSON, LOCATION, ORGANIZATION, NATIONALITY, TITLE) as entities, with subtype, canonical
/// name and ID, the entry's features, and the list file and line in `source`.
///
/// Selection is deliberately simple (context rules come later, on top of the public candidate
/// API of `CompiledLexicon`):
/// - longest match first (in tokens), then priority, then list order; a chosen span blocks
///   every overlapping candidate;
/// - a candidate from a case-insensitive list (other than TITLE) must start with a capital
///   letter or a digit as written ("chad", "turkey" in lower case never match);
/// - a one-token match at the start of a sentence, where a capital letter proves nothing, is
///   dropped when the entry is marked `common_word=yes`, when the word is an English function
///   word ("To", "May"), or when the same word appears in lower case elsewhere in the document.
public struct GazetteerStage: Stage {
    public let name = "gazetteer"
    public let requires: Set<Layer> = [.sentences, .tokens]
    public let produces: Set<Layer> = [.entities]

    /// The compiled lexicons (shared, immutable).
    public let lexicon: CompiledLexicon
    private let templates = EntityTemplateCache()

    /// A stage over an already loaded lexicon.
    public init(lexicon: CompiledLexicon) {
        self.lexicon = lexicon
    }

    /// Loads (or compiles) the configured lexicons.
    public init(configuration: LexiconConfiguration) throws(LexiconError) {
        self.lexicon = try CompiledLexicon.load(configuration)
    }

    public func process(_ document: inout Document) throws {
        let found = entities(in: document)
        guard !found.isEmpty else { return }
        if document.entities.isEmpty {
            document.entities = found
        } else {
            document.entities = (document.entities + found).sorted { $0.range < $1.range }
        }
    }

    /// The entities this stage would add to `document` (sorted by range).
    public func entities(in document: Document) -> [Entity] {
        let candidates = lexicon.candidates(in: document, labels: LexiconLabel.entityLabels)
        guard !candidates.isEmpty else { return [] }
        return document.withUTF8 { bytes in
            var accepted: [LexiconCandidate] = []
            for candidate in candidates where isAcceptable(candidate, document, bytes) {
                accepted.append(candidate)
            }
            // Longest first, then priority, then position and list order.
            let ordered = accepted.enumerated().sorted { lhs, rhs in
                let left = lhs.element
                let right = rhs.element
                if left.tokens.count != right.tokens.count { return left.tokens.count > right.tokens.count }
                if left.priority != right.priority { return left.priority > right.priority }
                return lhs.offset < rhs.offset
            }.map(\.element)
            var taken = [Bool](repeating: false, count: document.tokens.count)
            var entities: [Entity] = []
            for candidate in ordered where !candidate.tokens.contains(where: { taken[$0] }) {
                for index in candidate.tokens { taken[index] = true }
                if var entity = templates.entity(for: candidate.entry) {
                    entity.range = candidate.range
                    entities.append(entity)
                    continue
                }
                let entry = lexicon.entry(candidate.entry)
                guard let label = entry.label.entityLabel else { continue }
                var features = entry.features
                for key in Self.omittedFeatures { features[key] = nil }
                let entity = Entity(
                    range: candidate.range, label: label, subtype: entry.subtype, canonical: entry.canonical,
                    source: Provenance(stage: name, rule: "lexicon", lexicon: entry.location), features: features)
                templates.store(entity, for: candidate.entry)
                entities.append(entity)
            }
            return entities.sorted { $0.range < $1.range }
        }
    }

    /// Entry features not copied to entities: list bookkeeping and coordinates (the entry, named
    /// by `source.lexicon`, keeps them).
    public static let omittedFeatures = [
        "subtype", "common_word", "freq", "rank", "lat", "lon", "admin1", "numeric", "alpha3", "subregion", "independent",
    ]

    /// True when a word token spelled `word` (lower case) occurs in the document.
    private func occursInLowerCase(_ word: String, _ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let target = Array(word.utf8)
        guard let head = target.first else { return false }
        for token in tokens where token.range.length == target.count && bytes[token.range.start] == head {
            var equal = true
            for offset in 0..<target.count where bytes[token.range.start + offset] != target[offset] {
                equal = false
                break
            }
            if equal { return true }
        }
        return false
    }

    /// English function words: capitalised only because they open a sentence.
    static let functionWords: Set<String> = [
        "a", "about", "after", "all", "also", "an", "and", "any", "as", "at", "be", "before", "but", "by", "can",
        "do", "each", "even", "for", "from", "had", "has", "have", "he", "her", "here", "his", "how", "i", "if",
        "in", "into", "is", "it", "its", "just", "may", "more", "most", "much", "my", "no", "not", "now", "of",
        "on", "once", "one", "only", "or", "our", "over", "said", "she", "since", "so", "some", "still", "such",
        "than", "that", "the", "their", "then", "there", "these", "they", "this", "those", "though", "to",
        "under", "until", "up", "was", "we", "were", "what", "when", "where", "which", "while", "who", "why",
        "will", "with", "would", "yet", "you",
    ]

    private func isAcceptable(_ candidate: LexiconCandidate, _ document: Document, _ bytes: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        let spec = lexicon.lists[candidate.list]
        let first = document.tokens[candidate.tokens.lowerBound]
        let firstScalar = UTF8Scalars.decode(bytes, at: first.range.start, end: first.range.end).0
        if spec.casePolicy == .insensitive, candidate.label != .title {
            let properties = firstScalar.properties
            guard properties.isUppercase || properties.generalCategory == .titlecaseLetter
                || properties.numericType != nil
            else { return false }
        }
        guard candidate.tokens.count == 1, first.isSentenceInitial else { return true }
        if lexicon.isCommonWord(candidate.entry) { return false }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[first.range.start..<first.range.end]), as: UTF8.self)
        let lowered = TextFolding.fold(word, caseFold: true, diacriticsFold: false)
        if Self.functionWords.contains(lowered) { return false }
        if word != lowered, occursInLowerCase(lowered, document.tokens, bytes) { return false }
        return true
    }
}
