import GazetteCore

/// Collects the relations the rules find for one document: drops duplicates (same type, kind and
/// arguments), computes evidence and sentence, and orders them deterministically.
struct RelationCollector {
    let stageName: String
    private(set) var relations: [Relation] = []
    private var seen: Set<String> = []

    init(stageName: String) {
        self.stageName = stageName
    }

    /// True when a relation of this type already links these arguments (in these roles).
    func contains(_ type: String, _ arguments: [(role: String, reference: AnnotationReference)]) -> Bool {
        seen.contains(Self.key(type, arguments))
    }

    /// True when some relation of `type` has `reference` in `role`.
    func has(_ type: String, role: String, _ reference: AnnotationReference) -> Bool {
        relations.contains { relation in
            relation.type == type && relation.arguments.contains { $0.role == role && $0.reference == reference }
        }
    }

    /// Adds a relation unless it is already there. `evidence` defaults to the span covering every
    /// argument and the trigger.
    mutating func add(
        _ type: String, _ arguments: [(role: String, reference: AnnotationReference)], rule: String,
        index: MentionIndex, trigger: Trigger? = nil, kind: String? = nil, evidence: TextRange? = nil
    ) {
        let key = Self.key(type, arguments)
        guard !seen.contains(key) else { return }
        var covered = evidence
        if covered == nil {
            for argument in arguments {
                let range = Self.range(of: argument.reference, in: index.document)
                covered = covered.map { $0.union(range) } ?? range
            }
            if let trigger { covered = covered.map { $0.union(trigger.range) } ?? trigger.range }
        }
        seen.insert(key)
        relations.append(
            Relation(
                type: type, arguments: arguments, trigger: trigger, kind: kind, evidence: covered,
                sentence: covered.flatMap { index.sentence(containing: $0.start) },
                source: Provenance(stage: stageName, rule: rule)))
    }

    /// The relations, ordered by evidence start, then end, type and arguments.
    func ordered() -> [Relation] {
        relations.sorted { lhs, rhs in
            let left = lhs.evidence ?? TextRange(0, 0)
            let right = rhs.evidence ?? TextRange(0, 0)
            if left.start != right.start { return left.start < right.start }
            if left.end != right.end { return left.end < right.end }
            if lhs.type != rhs.type { return lhs.type < rhs.type }
            return Self.argumentKey(lhs.arguments) < Self.argumentKey(rhs.arguments)
        }
    }

    static func range(of reference: AnnotationReference, in document: Document) -> TextRange {
        switch reference {
        case let .entity(index): return document.entities[index].range
        case let .quantity(index): return document.quantities[index].range
        }
    }

    private static func key(_ type: String, _ arguments: [(role: String, reference: AnnotationReference)]) -> String {
        type + "|" + argumentKey(arguments)
    }

    private static func argumentKey(_ arguments: [(role: String, reference: AnnotationReference)]) -> String {
        arguments.map { argument -> String in
            switch argument.reference {
            case let .entity(index): return "\(argument.role)=e\(index)"
            case let .quantity(index): return "\(argument.role)=q\(index)"
            }
        }.sorted().joined(separator: ",")
    }
}
