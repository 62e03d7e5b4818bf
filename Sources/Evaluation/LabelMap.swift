/// What a gold label becomes in the pipeline's vocabulary.
public enum LabelTarget: Hashable, Sendable {
    /// An entity with this label ("PERSON", ...).
    case entity(String)
    /// A quantity of this kind ("money"), or of an unstated kind (nil: scored by span only).
    case quantity(kind: String?)
    /// Not scored (CoNLL's MISC, re3d's Temporal, Weapon, ...): dropped when read.
    case ignored
}

/// What a gold relation type becomes: a Gazette relation type (and kind) with the roles its two
/// gold arguments take.
public struct RelationTarget: Hashable, Sendable {
    /// Gazette relation type ("member_of").
    public var type: String
    /// Gazette relation kind, if any ("acronym").
    public var kind: String?
    /// Role of the gold relation's source argument.
    public var sourceRole: String
    /// Role of the gold relation's target argument.
    public var targetRole: String

    /// Creates a target.
    public init(type: String, kind: String? = nil, sourceRole: String, targetRole: String) {
        self.type = type
        self.kind = kind
        self.sourceRole = sourceRole
        self.targetRole = targetRole
    }
}

/// The declarative table that maps one gold format's labels to the pipeline's. Every format has
/// exactly one (`LabelMap.gazette`, `.conll`, `.re3d`, in `LabelMaps.swift`). A gold label not
/// in the table is an error, so a new label is never silently dropped.
public struct LabelMap: Sendable {
    /// The format this table is for.
    public var format: GoldFormat
    /// Gold entity label → target.
    public var labels: [String: LabelTarget]
    /// Gold relation type → target. A relation type not in this table is not scored (counted in
    /// the report's notes).
    public var relations: [String: RelationTarget]

    /// Creates a table.
    public init(format: GoldFormat, labels: [String: LabelTarget], relations: [String: RelationTarget] = [:]) {
        self.format = format
        self.labels = labels
        self.relations = relations
    }

    /// The table for a format.
    public static func table(for format: GoldFormat) -> LabelMap {
        switch format {
        case .gazette: return .gazette
        case .conll: return .conll
        case .re3d: return .re3d
        }
    }

    /// The pipeline entity labels this format can express: predictions with other labels are
    /// not scored against it (WikiGold has no TITLE, so predicted titles are neither right nor
    /// wrong there).
    public var entityLabels: [String] {
        Set(labels.values.compactMap { target -> String? in
            if case let .entity(label) = target { return label }
            return nil
        }).sorted()
    }

    /// True when the format marks quantities.
    public var hasQuantities: Bool {
        labels.values.contains { if case .quantity = $0 { return true } else { return false } }
    }

    /// The gold labels known to the table, sorted (for error messages).
    public var knownLabels: [String] { labels.keys.sorted() }
}
