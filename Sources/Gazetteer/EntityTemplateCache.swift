import GazetteCore
import Synchronization

/// An entity subtype as a small code: the subtypes the rules write or test, `.none` for none and
/// `.fromDetails` for any other text (kept in the proposal's `EntityTemplate`).
enum SubtypeCode: UInt8, Sendable {
    case none, fromDetails
    case city, region, other, company, government, military, international, media, university, intelligence
    case politicalParty, ministry, worldRegion

    /// The subtype's text (nil for `.none` and `.fromDetails`).
    var text: String? {
        switch self {
        case .none, .fromDetails: nil
        case .city: "city"
        case .region: "region"
        case .other: "other"
        case .company: "company"
        case .government: "government"
        case .military: "military"
        case .international: "international"
        case .media: "media"
        case .university: "university"
        case .intelligence: "intelligence"
        case .politicalParty: "political_party"
        case .ministry: "ministry"
        case .worldRegion: "world_region"
        }
    }

    /// The code of a subtype's text: a named code where there is one, else `.fromDetails`.
    init(_ text: String?) {
        guard let text else {
            self = .none
            return
        }
        switch text {
        case "city": self = .city
        case "region": self = .region
        case "world_region": self = .worldRegion
        case "other": self = .other
        case "company": self = .company
        case "government": self = .government
        case "military": self = .military
        case "international": self = .international
        case "media": self = .media
        case "university": self = .university
        case "intelligence": self = .intelligence
        case "political_party": self = .politicalParty
        case "ministry": self = .ministry
        default: self = .fromDetails
        }
    }

    /// The organisation subtype a keyword's hint gives: the hint where it is one of the
    /// organisation subtypes, else `other`.
    init(organisationHint hint: String) {
        switch SubtypeCode(hint) {
        case .government: self = .government
        case .military: self = .military
        case .company: self = .company
        case .international: self = .international
        case .media: self = .media
        case .university: self = .university
        case .intelligence: self = .intelligence
        case .politicalParty: self = .politicalParty
        case .ministry: self = .ministry
        default: self = .other
        }
    }
}

/// What a lexicon entry contributes to an entity (label, subtype, canonical reference, features
/// and list line), parsed once and shared by reference: a proposal that carries it copies one
/// reference instead of its strings and dictionary.
final class EntityTemplate: Sendable {
    let label: EntityLabel
    let subtype: String?
    /// `subtype` as a code (`.fromDetails` for a text without one).
    let subtypeCode: SubtypeCode
    let canonical: CanonicalReference?
    let features: [String: String]
    /// The list line ("places/countries.tsv:772"), nil for names not taken from a list.
    let lexicon: String?
    /// The `population` feature as a number (0 when absent).
    let population: Int
    /// The `hint` feature of keyword lists ("military", "company").
    let hint: String?
    /// The organisation subtype `hint` gives (`.none` without a hint).
    let hintSubtype: SubtypeCode
    /// `alone=yes` of organisation keywords: capitalised alone inside a sentence, the keyword
    /// names one body ("the Coalition", "Coalition aircraft").
    let namesBodyAlone: Bool
    /// `word_first=yes` of given names: more often an English word than a name ("Rock", "Delta",
    /// "Brand"; not "John", "Grant" or "Hope": see `people/given_names.tsv`).
    let isWordFirstName: Bool
    /// `kind=sports_team`: a club or team, named later by its nickname ("the Patriots").
    let isSportsTeam: Bool
    /// The entry's GeoNames `admin1` code ("US.TX"), which `features` leaves out (see
    /// `GazetteerStage.omittedFeatures`): read by the place-region rule without a second parse.
    let admin1: String?

    init(
        label: EntityLabel, subtype: String?, canonical: CanonicalReference?, features: [String: String], lexicon: String?,
        admin1: String? = nil
    ) {
        self.admin1 = admin1
        self.label = label
        self.subtype = subtype
        self.subtypeCode = SubtypeCode(subtype)
        self.canonical = canonical
        self.features = features
        self.lexicon = lexicon
        // (no look-up in an empty dictionary, as for most names not taken from a list; the hint once)
        let hint = features.isEmpty ? nil : features["hint"]
        self.population = features.isEmpty ? 0 : features["population"].flatMap { Int($0) } ?? 0
        self.hint = hint
        self.hintSubtype = hint.map { SubtypeCode(organisationHint: $0) } ?? .none
        self.namesBodyAlone = hint != nil && features["alone"] == "yes"
        self.isWordFirstName = !features.isEmpty && features["word_first"] == "yes"
        self.isSportsTeam = label == .organization && !features.isEmpty && features["kind"] == "sports_team"
    }

    /// The same details with another canonical reference and list line.
    func with(canonical: CanonicalReference?, lexicon: String?) -> EntityTemplate {
        EntityTemplate(label: label, subtype: subtype, canonical: canonical, features: features, lexicon: lexicon, admin1: admin1)
    }
}

/// The templates made from lexicon entries, kept across documents so that each entry's list
/// line is parsed once per process ("Syria" in every document costs one parse). Thread-safe.
final class EntityTemplateCache: Sendable {
    /// An open-addressed table keyed by entry (a multiplicative hash, no hasher), behind a lock.
    private struct Table {
        var keys: [UInt32] = Array(repeating: UInt32.max, count: 1024)
        var values: [EntityTemplate?] = Array(repeating: nil, count: 1024)
        var count = 0

        @inline(__always)
        func slot(_ key: UInt32) -> Int {
            Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & (keys.count - 1)
        }

        func find(_ key: UInt32) -> EntityTemplate? {
            var index = slot(key)
            while keys[index] != UInt32.max {
                if keys[index] == key { return values[index] }
                index = (index + 1) & (keys.count - 1)
            }
            return nil
        }

        /// Inserts `value` unless `key` has one already; returns the value kept for `key`.
        @discardableResult
        mutating func insert(_ key: UInt32, _ value: EntityTemplate) -> EntityTemplate {
            if (count + 1) * 2 > keys.count {
                let old = (keys, values)
                keys = Array(repeating: UInt32.max, count: old.0.count * 2)
                values = Array(repeating: nil, count: old.0.count * 2)
                count = 0
                for (index, oldKey) in old.0.enumerated() where oldKey != UInt32.max {
                    if let oldValue = old.1[index] { insert(oldKey, oldValue) }
                }
            }
            var index = slot(key)
            while keys[index] != UInt32.max {
                // (never replaced: other threads hold the first template unretained)
                if keys[index] == key {
                    if let kept = values[index] { return kept }
                    values[index] = value
                    return value
                }
                index = (index + 1) & (keys.count - 1)
            }
            keys[index] = key
            values[index] = value
            count += 1
            return value
        }
    }

    private let templates = Mutex<Table>(Table())

    /// The cached template of an entry, or nil.
    func template(for entry: LexiconEntryID) -> EntityTemplate? {
        // UInt32.max marks an empty slot: that entry (never used in practice) is not cached
        guard entry.rawValue != UInt32.max else { return nil }
        return templates.withLock { $0.find(entry.rawValue) }
    }

    /// Caches `template` for `entry` and returns the template to use: the one another thread
    /// stored first, if any. A stored template is never replaced nor released, so proposals of
    /// every thread may hold it unretained.
    func store(_ template: EntityTemplate, for entry: LexiconEntryID) -> EntityTemplate {
        guard entry.rawValue != UInt32.max else { return template }
        return templates.withLock { $0.insert(entry.rawValue, template) }
    }
}
