import GazetteCore

/// Runs every relation rule over one document (a class, so the rules never copy it). The rules (in the `RelationExtractor+*.swift`
/// files) walk the token sequence around entity and quantity mentions; each adds relations to the
/// collector under its own rule name.
final class RelationExtractor {
    let index: MentionIndex
    /// The document's mentions, by start (the index's array).
    let mentions: [ArgumentMention]
    /// The trigger verbs, cue words and metonymy tables.
    let shared: SharedRelationResources
    /// Mutated by every rule. Its accesses are not checked for exclusivity at run time (each
    /// check cost about a hundred instructions): the rules run one after another on one thread,
    /// and none mutates the collector while another mutation of it is under way.
    @exclusivity(unchecked) var collector: RelationCollector
    /// The IDs of the fixed words ("of", ",", ...).
    let words: FixedWords
    /// Entity → the entity it is an alias of (-1: none), filled by `findAliases`.
    @exclusivity(unchecked) var aliasTarget: [Int] = []

    init(document: borrowing Document, shared: SharedRelationResources, stageName: String) {
        let index = MentionIndex(document, shared: shared)
        self.index = index
        self.mentions = index.mentions
        self.shared = shared
        self.collector = RelationCollector(stageName: stageName, reusing: &index.scratch.seenRelations)
        self.words = shared.value.words
    }

    /// Hands the reusable tables back to the index's scratch object (before the index returns it
    /// to the pool).
    deinit {
        // `findAliases` (not run for a document without mentions) took the buffer out.
        if aliasTarget.capacity > 0 { swap(&aliasTarget, &index.scratch.aliasTarget) }
        index.scratch.seenRelations = collector.takeSeen()
    }

    /// Every relation of the document, ordered.
    func run() -> [Relation] {
        guard !index.mentions.isEmpty else { return [] }
        findTitles()
        findAffiliations()
        findLocations()
        findEvents()
        findQuantityOwners()
        findAliases()
        return collector.takeOrdered()
    }

    // MARK: helpers shared by the rules


    func reference(_ mention: Int) -> AnnotationReference { index.mentions[mention].reference }

    /// True when the token's word has one of the cue bits.
    @inline(__always)
    func cue(_ token: Int, _ cue: Vocabulary.Cue) -> Bool { index.cue(token, cue) }

    /// True when the token is the word with this ID.
    @inline(__always)
    func isWord(_ token: Int, _ id: Vocabulary.ID) -> Bool { index.id(token) == id }

    /// Skips tokens forward from `token` while `skip` holds; returns the first token that does not.
    @inline(__always)
    func skipForward(_ token: Int, limit: Int, while skip: (Int) -> Bool) -> Int {
        var position = token
        while position < limit, skip(position) { position += 1 }
        return position
    }

    /// Skips tokens backward from `token` while `skip` holds; returns the first token that does not.
    @inline(__always)
    func skipBackward(_ token: Int, floor: Int, while skip: (Int) -> Bool) -> Int {
        var position = token
        while position >= floor, skip(position) { position -= 1 }
        return position
    }

    /// The mention starting at `token` after optional determiners; for "X’s Y" returns Y.
    func nounPhraseMention(at token: Int, limit: Int, followPossessive: Bool = true) -> Int? {
        let start = skipForward(token, limit: limit) { cue($0, .determiner) }
        guard start < limit, let found = index.mention(startingAt: start) else { return nil }
        if followPossessive, index.isPossessive(mentions[found].lastToken + 1),
            let owned = index.mention(startingAt: mentions[found].lastToken + 2), index.mentions[owned].isEntity
        {
            return owned
        }
        return found
    }

    /// The tokens of the sentence holding `token`.
    func sentenceRange(of token: Int) -> Range<Int> {
        index.sentenceTokens(index.tokens[token].sentence)
    }
}
