import GazetteCore

/// Turns lexicon candidates and the text around them into the entities a reader would mark,
/// in the manner of GATE's ANNIE transducer: named rules over capitalised chunks, lexicon
/// matches and keyword lists, then document-level consistency.
///
/// The rules, by `source.rule`:
/// - `lexicon`: a lexicon entry matches (case and diacritics as its list says; a one-word match
///   that opens a sentence needs more than its capital letter).
/// - `title-name`: a capitalised name after a title or honorific is a person ("Defense
///   Secretary Lloyd Austin", "Gen. Joseph Votel", "President Zelenskiy").
/// - `given-name`: a known given name followed by capitalised words, initials, particles and
///   suffixes is a person ("Martin Luther King Jr.", "Charles de Gaulle", "George F. Hauser").
/// - `org-keyword`: a capitalised chunk ending in an organisation word or followed by a company
///   suffix ("Syrian Democratic Forces", "Acme Corp."), or "Ministry of ...", "University of ...".
/// - `loc-keyword`: a capitalised chunk ending in a place word ("Aabenraa County", "Hay Street"),
///   "the Donetsk region", "Hebei province", "Republic of ...".
/// - `place-team`: a known place followed by other capitalised words names a team or company
///   ("Perth Glory", "Montreal Crystals").
/// - `acronym`: an unknown all-capitals word is an organisation; `acronym-definition`: an
///   acronym in parentheses after a name takes that name's label ("Syrian Democratic Forces (SDF)").
/// - `person-short-form`: a later surname or given name alone refers to the person named in full
///   ("Austin" after "Lloyd Austin"), and wins over a lexicon place of the same spelling.
/// - `known-surname`: the surname alone of a notable person of the lists, when no other listed
///   person has it and it is not a common surname ("Putin", "Zelenskiy"), linked to that person.
/// - `numbered-unit`: "the 3rd Battalion", "321st Field Artillery Regiment": an ordinal in digits
///   before a (military) unit name is part of it.
/// - `org-short-form`: "the League" after "the Quentin Valley Hockey League": the organisation
///   named in full before.
/// - `repeated-name`: a capitalised word that is a known name elsewhere in the document.
public struct EntityRecognizer: Sendable {
    /// The recognizer's resources, behind one reference: rules copy the recognizer, and a copy
    /// then retains one object instead of each field.
    final class Resources: Sendable {
        let lexicon: CompiledLexicon
        let stageName: String
        let templates = EntityTemplateCache()
        /// Per-document buffers of the rules, reused across documents.
        let buffers = RecognitionBufferPool()
        let notableSurnames: [String: LexiconEntryID]
        /// A bit filter of the keys of `notableSurnames` (see `mayBeNotableSurname`); nil when
        /// some key is not ASCII.
        let notableSurnameFilter: SurnameFilter?
        /// Per list: true when its subtype is `region` (ISO 3166-2 subdivisions and the like),
        /// so that a rule asks the entry's template only for candidates of such lists.
        let regionLists: [Bool]

        init(lexicon: CompiledLexicon, stageName: String) {
            self.lexicon = lexicon
            self.stageName = stageName
            self.regionLists = lexicon.lists.map { $0.subtype == "region" }
            self.notableSurnames = EntityRecognizer.notableSurnames(in: lexicon)
            let asciiKeys = notableSurnames.keys.allSatisfy { key in key.utf8.allSatisfy { $0 < 0x80 } }
            self.notableSurnameFilter = asciiKeys ? SurnameFilter(notableSurnames.keys) : nil
        }
    }

    let resources: Resources
    /// The compiled lexicons.
    public var lexicon: CompiledLexicon { resources.lexicon }
    /// Stage name written in `source.stage`.
    public var stageName: String { resources.stageName }
    /// Entities made from lexicon entries, parsed once per process.
    var templates: EntityTemplateCache { resources.templates }
    /// Surnames that name one notable person of the lists alone ("Putin"): see `notableSurnames(in:)`.
    var notableSurnames: [String: LexiconEntryID] { resources.notableSurnames }

    /// False when the token's text is certainly no key of `notableSurnames` (ASCII words are
    /// their own keys and are checked against a bit filter of the keys; other words may be).
    func mayBeNotableSurname(_ bytes: UnsafeBufferPointer<UInt8>, _ range: TextRange) -> Bool {
        for offset in range.start..<range.end where bytes[offset] >= 0x80 { return true }
        // (a key that is not ASCII might equal an ASCII word as a string: no filter then)
        guard let filter = resources.notableSurnameFilter else { return true }
        return filter.mayContain(bytes, range.start, range.end)
    }

    public init(lexicon: CompiledLexicon, stageName: String = "gazetteer") {
        self.resources = Resources(lexicon: lexicon, stageName: stageName)
    }

    /// The entity template of a lexicon entry: label, subtype, canonical reference, features
    /// and list line, read from the list line once per process.
    func template(_ id: LexiconEntryID) -> EntityTemplate {
        if let cached = templates.template(for: id) { return cached }
        // (two threads may make the same template: both use the one stored first)
        if let template = directTemplate(id) { return templates.store(template, for: id) }
        let entry = lexicon.entry(id)
        var features = entry.features
        for key in GazetteerStage.omittedFeatures { features[key] = nil }
        let template = EntityTemplate(
            label: entry.label.entityLabel ?? .organization, subtype: entry.subtype, canonical: entry.canonical,
            features: features, lexicon: entry.location, admin1: entry.features["admin1"])
        return templates.store(template, for: id)
    }

    /// The entities of `document` (which must have tokens), sorted by range.
    public func recognize(_ document: Document) -> [Entity] {
        guard !document.tokens.isEmpty else { return [] }
        let candidates = lexicon.candidates(in: document)
        return document.withUTF8 { bytes in
            var buffers = resources.buffers.take()
            var context = RecognitionContext(
                recognizer: self, document: document, bytes: bytes, candidates: candidates, buffers: &buffers)
            let entities = context.run()
            resources.buffers.give(context.takeBuffers())
            return entities
        }
    }
}
