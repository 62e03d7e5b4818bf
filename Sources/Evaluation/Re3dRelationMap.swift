/// re3d relation types in Gazette's vocabulary, in one table, and the projection that puts
/// Gazette's relations into re3d's shape (two arguments, no kinds) before scoring.
///
/// | re3d | Gazette | re3d source → role | re3d target → role |
/// |---|---|---|---|
/// | InChargeOf | member_of | member | group |
/// | BelongsTo | member_of | member | group |
/// | CoLocated | located_in | entity | place |
/// | IsSynonymOf | alias | alias | of |
/// | FightingAgainst | attack | attacker | target |
/// | AlliesOf | ally | party1 | party2 |
/// | CommWith | meet | party1 | party2 |
/// | HasAttrOf | quantity_of | entity | quantity |
///
/// Likes, Dislikes and Apart have no Gazette counterpart and are not scored. Gazette's `has_title`
/// with an organisation or country `of` also counts as `member_of` (the office holder belongs to
/// it), extra roles (`location`, `destination`, ...) are dropped, alias kinds are dropped (re3d has
/// none), and the symmetric types (alias, ally, meet) are scored in both directions, because re3d
/// annotates them both ways.
public enum Re3dRelationMap {
    /// re3d relation type → Gazette type and roles.
    public static let targets: [String: RelationTarget] = [
        "InChargeOf": RelationTarget(type: "member_of", sourceRole: "member", targetRole: "group"),
        "BelongsTo": RelationTarget(type: "member_of", sourceRole: "member", targetRole: "group"),
        "CoLocated": RelationTarget(type: "located_in", sourceRole: "entity", targetRole: "place"),
        "IsSynonymOf": RelationTarget(type: "alias", sourceRole: "alias", targetRole: "of"),
        "FightingAgainst": RelationTarget(type: "attack", sourceRole: "attacker", targetRole: "target"),
        "AlliesOf": RelationTarget(type: "ally", sourceRole: "party1", targetRole: "party2"),
        "CommWith": RelationTarget(type: "meet", sourceRole: "party1", targetRole: "party2"),
        "HasAttrOf": RelationTarget(type: "quantity_of", sourceRole: "entity", targetRole: "quantity"),
    ]

    /// Gazette types re3d annotates in both directions.
    public static let symmetricTypes: Set<String> = ["alias", "ally", "meet"]

    /// The re3d label table with the relation types mapped.
    public static var labelMap: LabelMap {
        var map = LabelMap.re3d
        map.relations = targets
        return map
    }

    /// Reads re3d gold with the relation types mapped (the other settings as `GoldCorpus.read`).
    public static func read(path: String) throws(EvaluationError) -> GoldCorpus {
        let result = try Re3dReader(labelMap: labelMap).read(path: path)
        let unmapped = result.unmappedRelations.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        var notes = ["re3d relations: Likes, Dislikes and Apart not scored"]
        if !unmapped.isEmpty { notes.append("re3d: relations not scored: \(unmapped.joined(separator: ", "))") }
        return GoldCorpus(
            path: path, format: .re3d, documents: result.documents, labelMap: labelMap,
            scoresQuantities: true, scoresQuantityDetails: false, scoresRelations: true, notes: notes)
    }

    /// Gazette's relations in re3d's shape: two arguments, no kind, symmetric types both ways,
    /// `has_title` with an `of` also as `member_of`.
    public static func project(_ document: AnnotatedDocument) -> AnnotatedDocument {
        var projected: [RelationMention] = []
        var seen: Set<String> = []
        func add(_ type: String, _ first: RelationArgument, _ second: RelationArgument) {
            let relation = RelationMention(type: type, arguments: [first, second])
            let key = "\(type)|" + relation.arguments.map { "\($0.role)=\($0.span.map { "\($0.start)-\($0.end)" } ?? "-")" }
                .joined(separator: ",")
            if seen.insert(key).inserted { projected.append(relation) }
        }
        let shapes = Dictionary(targets.values.map { ($0.type, ($0.sourceRole, $0.targetRole)) }, uniquingKeysWith: { first, _ in first })
        for relation in document.relations {
            func argument(_ role: String) -> RelationArgument? { relation.arguments.first { $0.role == role } }
            if relation.type == "has_title", let person = argument("person"), let owner = argument("of") {
                add(
                    "member_of", RelationArgument(role: "member", reference: person.reference, span: person.span),
                    RelationArgument(role: "group", reference: owner.reference, span: owner.span))
            }
            guard let (sourceRole, targetRole) = shapes[relation.type], let source = argument(sourceRole),
                let target = argument(targetRole)
            else { continue }
            add(relation.type, source, target)
            if symmetricTypes.contains(relation.type) {
                add(
                    relation.type, RelationArgument(role: sourceRole, reference: target.reference, span: target.span),
                    RelationArgument(role: targetRole, reference: source.reference, span: source.span))
            }
        }
        var result = document
        result.relations = projected
        return result
    }
}
