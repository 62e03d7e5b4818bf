/// The cue word sets of `cues.tsv`, by role, resolved once when the resources are loaded.
struct CueWords: Sendable {
    var literal: WordSet = WordSet([])
    var determiners: WordSet = WordSet([])
    var beForms: WordSet = WordSet([])
    var titleModifiers: WordSet = WordSet([])
    var roleOf: WordSet = WordSet([])
    var contain: WordSet = WordSet([])
    var lead: WordSet = WordSet([])
    var include: WordSet = WordSet([])
    var member: WordSet = WordSet([])
    var affiliate: WordSet = WordSet([])
    var relative: WordSet = WordSet([])
    var clauseEnd: WordSet = WordSet([])
    var auxiliaries: WordSet = WordSet([])
    var deployable: WordSet = WordSet([])

    init(_ cues: [String: Set<String>]) {
        literal = WordSet(cues["literal"] ?? [])
        determiners = WordSet(cues["determiner"] ?? [])
        beForms = WordSet(cues["be"] ?? [])
        titleModifiers = WordSet(cues["title-modifier"] ?? [])
        roleOf = WordSet(cues["role-of"] ?? [])
        contain = WordSet(cues["contain"] ?? [])
        lead = WordSet(cues["lead"] ?? [])
        include = WordSet(cues["include"] ?? [])
        member = WordSet(cues["member"] ?? [])
        affiliate = WordSet(cues["affiliate"] ?? [])
        relative = WordSet(cues["relative"] ?? [])
        clauseEnd = WordSet(cues["clause-end"] ?? [])
        auxiliaries = WordSet(cues["auxiliary"] ?? [])
        deployable = WordSet(cues["deployable"] ?? [])
    }
}
