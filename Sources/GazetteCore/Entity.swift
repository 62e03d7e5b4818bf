/// Entity labels of the output contract.
public enum EntityLabel: String, Hashable, Sendable, CaseIterable {
    case person = "PERSON"
    case location = "LOCATION"
    case organization = "ORGANIZATION"
    case nationality = "NATIONALITY"
    case title = "TITLE"
}

/// A canonical reference: the name and, when known, the ID ("iso3166:KP", "wikidata:Q...").
public struct CanonicalReference: Hashable, Sendable {
    public var name: String
    /// `Optional<String>` rather than `String?`: a `T?` stored property has an implicit `nil`
    /// initial value, with which the inlinable initializer built each value twice (a whole copy,
    /// every string retained, then the first destroyed).
    public var id: Optional<String>

    @inlinable
    public init(name: String, id: String? = nil) {
        self.name = name
        self.id = id
    }
}

/// A named entity mention.
///
/// Entities are kept sorted by range (order of appearance); their output IDs ("e1", "e2", ...)
/// are their positions in `Document.entities`, so relations refer to them by index.
public struct Entity: Hashable, Sendable {
    public var range: TextRange
    public var label: EntityLabel
    /// "country", "city", "government", "military", ... (see DESIGN.md).
    /// (`Optional<T>` rather than `T?` here and below: see `CanonicalReference.id`.)
    public var subtype: Optional<String>
    public var canonical: Optional<CanonicalReference>
    public var source: Provenance
    /// Extra facts, e.g. `["metonym": "government"]`, written as a JSON object of strings.
    public var features: [String: String]

    @inlinable
    public init(
        range: TextRange, label: EntityLabel, subtype: String? = nil,
        canonical: CanonicalReference? = nil, source: Provenance, features: [String: String] = [:]
    ) {
        self.range = range
        self.label = label
        self.subtype = subtype
        self.canonical = canonical
        self.source = source
        self.features = features
    }
}
