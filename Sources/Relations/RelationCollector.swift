import GazetteCore

/// Collects the relations the rules find for one document: drops duplicates (same type and
/// arguments), computes evidence and sentence, and orders them deterministically.
struct RelationCollector {
    let stageName: String
    private(set) var relations: [Relation] = []
    /// Identities (FNV hash of type, roles and references) of the relations added.
    private var seen = HashIndex(capacity: 16)

    init(stageName: String) {
        self.stageName = stageName
    }

    /// A collector whose duplicate test uses `seen`'s storage (moved out of `seen`, which is
    /// left empty, so it is uniquely referenced and reused).
    init(stageName: String, reusing seen: inout HashIndex) {
        self.stageName = stageName
        swap(&self.seen, &seen)
        self.seen.reset(capacity: 16)
    }

    /// The duplicate test's table, for reuse (the collector is left without one).
    mutating func takeSeen() -> HashIndex {
        var taken = HashIndex(capacity: 0)
        swap(&taken, &seen)
        return taken
    }

    /// Adds a relation unless it is already there. `evidence` defaults to the span covering every
    /// argument and the trigger.
    mutating func add(
        _ type: String, _ arguments: [(role: String, reference: AnnotationReference)], rule: String,
        index: MentionIndex, trigger: Trigger? = nil, kind: String? = nil, evidence: TextRange? = nil
    ) {
        var key = WordSet.hash(type)
        for argument in arguments {
            key = (key ^ WordSet.hash(argument.role)) &* 0x100_0000_01b3
            key = (key ^ UInt64(truncatingIfNeeded: Self.code(argument.reference))) &* 0x100_0000_01b3
        }
        // Stored now under the index the relation gets below (one probe for test and insertion).
        guard seen.insertIfAbsent(key, relations.count) else { return }
        // Room for a typical document's relations at once (each growth reallocates and moves them).
        if relations.isEmpty { relations.reserveCapacity(16) }
        var covered = evidence
        if covered == nil {
            for argument in arguments {
                let range = Self.range(of: argument.reference, in: index)
                covered = covered.map { $0.union(range) } ?? range
            }
            if let trigger { covered = covered.map { $0.union(trigger.range) } ?? trigger.range }
        }
        relations.append(
            Relation(
                type: type, arguments: arguments, trigger: trigger, kind: kind, evidence: covered,
                sentence: covered.flatMap { index.sentence(containing: $0.start) },
                source: Provenance(stage: stageName, rule: rule)))
    }

    /// The relations, ordered by evidence start, then end, type and arguments; the collector is
    /// left empty. They are sorted in place (the sort moves them: sorting their indices and then
    /// gathering them copied each relation, retaining every string, and destroyed the originals).
    mutating func takeOrdered() -> [Relation] {
        var relations = self.relations
        self.relations = []
        // Fields are read in place (copying a relation would retain each of its strings).
        let precedes = { (left: borrowing Relation, right: borrowing Relation) -> Bool in
            let leftEvidence = left.evidence ?? TextRange(0, 0)
            let rightEvidence = right.evidence ?? TextRange(0, 0)
            if leftEvidence.start != rightEvidence.start { return leftEvidence.start < rightEvidence.start }
            if leftEvidence.end != rightEvidence.end { return leftEvidence.end < rightEvidence.end }
            if left.type != right.type { return left.type < right.type }
            let leftCount = left.arguments.count
            let rightCount = right.arguments.count
            for position in 0..<min(leftCount, rightCount) {
                let leftCode = Self.code(left.arguments[position].reference)
                let rightCode = Self.code(right.arguments[position].reference)
                if leftCode != rightCode { return leftCode < rightCode }
            }
            return leftCount < rightCount
        }
        // Often the rules added them in order already: with no pair out of order (the order is
        // a lexicographic one, so this holds for all pairs), the stable sort would keep them as they are.
        var inOrder = true
        for position in relations.indices.dropFirst() where precedes(relations[position], relations[position - 1]) {
            inOrder = false
            break
        }
        if inOrder { return relations }
        // The same stable sort, on the relations instead of their indices: the same comparisons
        // give the same order.
        relations.sort(by: precedes)
        return relations
    }

    static func range(of reference: AnnotationReference, in index: MentionIndex) -> TextRange {
        switch reference {
        case let .entity(entity): return index.entities[entity].range
        case let .quantity(quantity): return index.documentQuantities[quantity].range
        }
    }

    /// Entities even, quantities odd: one integer per reference.
    private static func code(_ reference: AnnotationReference) -> Int {
        switch reference {
        case let .entity(index): return index * 2
        case let .quantity(index): return index * 2 + 1
        }
    }
}
