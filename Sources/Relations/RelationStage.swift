import GazetteCore

/// The relations stage: links the entities and quantities found by earlier stages with typed
/// relations (`has_title`, `member_of`, `affiliated_with`, `nationality`, `located_in`, `alias`,
/// `quantity_of`, and the event frames `deploy`, `attack`, `ally`, `meet`).
///
/// Rules are deterministic and name themselves in each relation's `source.rule`. The stage
/// requires sentences, tokens and entities; quantities are used when an earlier stage produced
/// them. Relations are ordered by evidence start (then end, type and arguments), so their IDs
/// are deterministic.
public struct RelationStage: Stage {
    public let name = "relations"
    public let requires: Set<Layer> = [.sentences, .tokens, .entities]
    public let produces: Set<Layer> = [.relations]
    /// The trigger verbs, cue words and metonymy tables.
    public let resources: RelationResources
    /// The same resources behind one reference: a document's extractor holds them without
    /// retaining (and later releasing) each of their tables.
    private let shared: SharedRelationResources

    /// Creates the stage from loaded resources.
    public init(resources: RelationResources) {
        self.resources = resources
        self.shared = SharedRelationResources(resources)
    }

    /// Creates the stage from a `Lexicons/` directory (found with
    /// `RelationResources.locateLexiconDirectory()` when nil).
    public init(lexiconDirectory: String? = nil) throws(RelationResourceError) {
        guard let directory = lexiconDirectory ?? RelationResources.locateLexiconDirectory() else {
            throw .notFound
        }
        let resources = try RelationResources.load(lexiconDirectory: directory)
        self.resources = resources
        self.shared = SharedRelationResources(resources)
    }

    public func process(_ document: inout Document) throws {
        let extractor = RelationExtractor(document: document, shared: shared, stageName: name)
        document.relations = extractor.run()
    }
}

/// Relation resources shared by reference.
final class SharedRelationResources: Sendable {
    let value: RelationResources
    /// The mention indexes' reusable buffers (one scratch object per thread at work).
    let scratchPool = MentionScratchPool()

    init(_ value: RelationResources) {
        self.value = value
    }
}
