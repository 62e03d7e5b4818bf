/// What a relation argument points at: an entity or a quantity, by its index in the document's
/// `entities` or `quantities` (written as "e3" / "q1").
public enum AnnotationReference: Hashable, Sendable {
    case entity(Int)
    case quantity(Int)
}

/// The word that triggers an event frame ("sent", lemma "send").
public struct Trigger: Hashable, Sendable {
    public var range: TextRange
    public var lemma: String

    @inlinable
    public init(range: TextRange, lemma: String) {
        self.range = range
        self.lemma = lemma
    }
}

/// A relation between entities and quantities: `has_title`, `alias`, `deploy`, ...
///
/// Optional stored properties are spelled `Optional<T>`, not `T?`: a `var` declared `T?` gets an
/// implicit `nil` initial value, and with it the initializer assigns rather than initializes the
/// fields, which made the optimiser build every value twice (a whole copy, each string retained,
/// then the first destroyed). The type is the same.
public struct Relation: Hashable, Sendable {
    public var type: String
    /// Role → argument, in a fixed order (kept as written by the stage).
    public var arguments: [(role: String, reference: AnnotationReference)]
    public var trigger: Optional<Trigger>
    /// A sub-kind, e.g. "acronym" or "metonymy" for aliases.
    public var kind: Optional<String>
    public var evidence: Optional<TextRange>
    /// Index of the sentence holding the evidence.
    public var sentence: Optional<Int>
    public var source: Provenance

    @inlinable
    public init(
        type: String, arguments: [(role: String, reference: AnnotationReference)], trigger: Trigger? = nil,
        kind: String? = nil, evidence: TextRange? = nil, sentence: Int? = nil, source: Provenance
    ) {
        self.type = type
        self.arguments = arguments
        self.trigger = trigger
        self.kind = kind
        self.evidence = evidence
        self.sentence = sentence
        self.source = source
    }

    public static func == (lhs: Relation, rhs: Relation) -> Bool {
        lhs.type == rhs.type && lhs.trigger == rhs.trigger && lhs.kind == rhs.kind
            && lhs.evidence == rhs.evidence && lhs.sentence == rhs.sentence && lhs.source == rhs.source
            && lhs.arguments.map(\.role) == rhs.arguments.map(\.role)
            && lhs.arguments.map(\.reference) == rhs.arguments.map(\.reference)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(type)
        hasher.combine(evidence)
        for argument in arguments {
            hasher.combine(argument.role)
            hasher.combine(argument.reference)
        }
    }
}
