import GazetteCore
import Synchronization

/// What a lexicon entry contributes to an entity (label, subtype, canonical reference, features
/// and list line), parsed once and shared by reference: a proposal that carries it copies one
/// reference instead of its strings and dictionary.
final class EntityTemplate: Sendable {
    let label: EntityLabel
    let subtype: String?
    let canonical: CanonicalReference?
    let features: [String: String]
    /// The list line ("places/countries.tsv:772"), nil for names not taken from a list.
    let lexicon: String?
    /// The `population` feature as a number (0 when absent).
    let population: Int
    /// The `hint` feature of keyword lists ("military", "company").
    let hint: String?

    init(label: EntityLabel, subtype: String?, canonical: CanonicalReference?, features: [String: String], lexicon: String?) {
        self.label = label
        self.subtype = subtype
        self.canonical = canonical
        self.features = features
        self.lexicon = lexicon
        self.population = features["population"].flatMap { Int($0) } ?? 0
        self.hint = features["hint"]
    }

    /// The same details with another canonical reference and list line.
    func with(canonical: CanonicalReference?, lexicon: String?) -> EntityTemplate {
        EntityTemplate(label: label, subtype: subtype, canonical: canonical, features: features, lexicon: lexicon)
    }
}

/// The templates made from lexicon entries, kept across documents so that each entry's list
/// line is parsed once per process ("Syria" in every document costs one parse). Thread-safe.
final class EntityTemplateCache: Sendable {
    private let templates = Mutex<[UInt32: EntityTemplate]>([:])

    /// The cached template of an entry, or nil.
    func template(for entry: LexiconEntryID) -> EntityTemplate? {
        templates.withLock { $0[entry.rawValue] }
    }

    func store(_ template: EntityTemplate, for entry: LexiconEntryID) {
        templates.withLock { $0[entry.rawValue] = template }
    }
}
