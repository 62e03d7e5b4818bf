import GazetteCore

/// Runs every relation rule over one document. The rules (in the `RelationExtractor+*.swift`
/// files) walk the token sequence around entity and quantity mentions; each adds relations to the
/// collector under its own rule name.
struct RelationExtractor {
    let index: MentionIndex
    let resources: RelationResources
    var collector: RelationCollector

    let literal: WordSet
    let determiners: WordSet
    let beForms: WordSet
    let titleModifiers: WordSet
    let roleOf: WordSet
    let contain: WordSet
    let lead: WordSet
    let include: WordSet
    let member: WordSet
    let affiliate: WordSet
    let relative: WordSet
    let clauseEnd: WordSet
    let auxiliaries: WordSet
    let deployable: WordSet

    init(document: Document, resources: RelationResources, stageName: String) {
        self.index = MentionIndex(document)
        self.resources = resources
        self.collector = RelationCollector(stageName: stageName)
        let cues = resources.cueWords
        literal = cues.literal
        determiners = cues.determiners
        beForms = cues.beForms
        titleModifiers = cues.titleModifiers
        roleOf = cues.roleOf
        contain = cues.contain
        lead = cues.lead
        include = cues.include
        member = cues.member
        affiliate = cues.affiliate
        relative = cues.relative
        clauseEnd = cues.clauseEnd
        auxiliaries = cues.auxiliaries
        deployable = cues.deployable
    }

    /// Every relation of the document, ordered.
    mutating func run() -> [Relation] {
        guard !index.mentions.isEmpty else { return [] }
        findTitles()
        findAffiliations()
        findLocations()
        findEvents()
        findQuantityOwners()
        findAliases()
        return collector.ordered()
    }

    // MARK: helpers shared by the rules

    var mentions: [ArgumentMention] { index.mentions }

    func reference(_ mention: Int) -> AnnotationReference { index.mentions[mention].reference }

    /// Skips tokens forward from `token` while `skip` holds; returns the first token that does not.
    func skipForward(_ token: Int, limit: Int, while skip: (Int) -> Bool) -> Int {
        var position = token
        while position < limit, skip(position) { position += 1 }
        return position
    }

    /// Skips tokens backward from `token` while `skip` holds; returns the first token that does not.
    func skipBackward(_ token: Int, floor: Int, while skip: (Int) -> Bool) -> Int {
        var position = token
        while position >= floor, skip(position) { position -= 1 }
        return position
    }

    /// The mention starting at `token` after optional determiners; for "X’s Y" returns Y.
    func nounPhraseMention(at token: Int, limit: Int, followPossessive: Bool = true) -> Int? {
        let start = skipForward(token, limit: limit) { determiners.contains(index.word($0)) }
        guard start < limit, let found = index.mention(startingAt: start) else { return nil }
        if followPossessive, index.isPossessive(mentions[found].lastToken + 1),
            let owned = index.mention(startingAt: mentions[found].lastToken + 2), index.mentions[owned].label != nil
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
