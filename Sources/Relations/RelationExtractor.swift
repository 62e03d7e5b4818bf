import GazetteCore

/// Runs every relation rule over one document. The rules (in the `RelationExtractor+*.swift`
/// files) walk the token sequence around entity and quantity mentions; each adds relations to the
/// collector under its own rule name.
struct RelationExtractor {
    let index: MentionIndex
    let resources: RelationResources
    var collector: RelationCollector

    let literal: Set<String>
    let determiners: Set<String>
    let beForms: Set<String>
    let titleModifiers: Set<String>
    let roleOf: Set<String>
    let contain: Set<String>
    let lead: Set<String>
    let include: Set<String>
    let member: Set<String>
    let affiliate: Set<String>
    let relative: Set<String>
    let clauseEnd: Set<String>
    let auxiliaries: Set<String>
    let deployable: Set<String>

    init(document: Document, resources: RelationResources, stageName: String) {
        self.index = MentionIndex(document)
        self.resources = resources
        self.collector = RelationCollector(stageName: stageName)
        literal = resources.cue("literal")
        determiners = resources.cue("determiner")
        beForms = resources.cue("be")
        titleModifiers = resources.cue("title-modifier")
        roleOf = resources.cue("role-of")
        contain = resources.cue("contain")
        lead = resources.cue("lead")
        include = resources.cue("include")
        member = resources.cue("member")
        affiliate = resources.cue("affiliate")
        relative = resources.cue("relative")
        clauseEnd = resources.cue("clause-end")
        auxiliaries = resources.cue("auxiliary")
        deployable = resources.cue("deployable")
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
