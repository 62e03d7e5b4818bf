/// One argument of a relation: its role, the ID it referred to as written, and the span that ID
/// resolves to (nil when it does not resolve; `GoldValidator` reports that).
public struct RelationArgument: Hashable, Sendable {
    /// The role ("person", "title", "agent", ...).
    public var role: String
    /// The referenced annotation's ID as written ("e3", "q1").
    public var reference: String
    /// The referenced annotation's span, when the reference resolves.
    public var span: Span?

    /// Creates an argument.
    public init(role: String, reference: String, span: Span?) {
        self.role = role
        self.reference = reference
        self.span = span
    }
}

/// A relation in evaluation form: type, optional kind, and arguments resolved to spans.
///
/// Relations are matched on `label` (type, plus ":kind" when there is one, e.g. "alias:acronym")
/// and on their arguments' roles and spans.
public struct RelationMention: Hashable, Sendable {
    /// "has_title", "alias", "deploy", ...
    public var type: String
    /// Sub-kind ("acronym", "metonymy", ...), if any.
    public var kind: String?
    /// The arguments, sorted by role.
    public var arguments: [RelationArgument]
    /// The ID as written ("r1").
    public var id: String?
    /// Where the relation was read from, if it came from a file.
    public var source: GoldSource?

    /// Creates a relation; arguments are sorted by role.
    public init(
        type: String, kind: String? = nil, arguments: [RelationArgument], id: String? = nil,
        source: GoldSource? = nil
    ) {
        self.type = type
        self.kind = kind
        self.arguments = arguments.sorted { $0.role < $1.role }
        self.id = id
        self.source = source
    }

    /// The label relations are scored under: `type` or `type:kind`.
    public var label: String { kind.map { "\(type):\($0)" } ?? type }

    /// True when every argument resolves to a span.
    public var isResolved: Bool { arguments.allSatisfy { $0.span != nil } }
}
