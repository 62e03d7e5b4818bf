import GazetteCore

/// The `gazetteer` stage: finds people, places, organisations, nationalities and titles, with
/// subtype, canonical name and ID, the entry's features, and in `source` the rule that fired and
/// the lexicon line it used.
///
/// Lexicon matches are the evidence; `EntityRecognizer` applies the context rules on top of
/// them (titles before names, given names, organisation and place keywords, acronyms defined in
/// parentheses, sentence-initial capitals, headlines) and document-level consistency (a later
/// "Austin" is the "Lloyd Austin" named before).
public struct GazetteerStage: Stage {
    public let name = "gazetteer"
    public let requires: Set<Layer> = [.sentences, .tokens]
    public let produces: Set<Layer> = [.entities]

    /// The compiled lexicons (shared, immutable).
    public let lexicon: CompiledLexicon

    /// The rules applied to lexicon matches.
    public let recognizer: EntityRecognizer

    /// A stage over an already loaded lexicon.
    public init(lexicon: CompiledLexicon) {
        self.lexicon = lexicon
        self.recognizer = EntityRecognizer(lexicon: lexicon, stageName: "gazetteer")
    }

    /// Loads (or compiles) the configured lexicons.
    public init(configuration: LexiconConfiguration) throws(LexiconError) {
        self.init(lexicon: try CompiledLexicon.load(configuration))
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
        recognizer.recognize(document)
    }

    /// Entry features not copied to entities: list bookkeeping and coordinates (the entry, named
    /// by `source.lexicon`, keeps them).
    public static let omittedFeatures = [
        "subtype", "common_word", "freq", "rank", "lat", "lon", "admin1", "numeric", "alpha3", "subregion", "independent",
    ]
}
