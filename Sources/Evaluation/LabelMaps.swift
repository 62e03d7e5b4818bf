import GazetteCore

extension LabelMap {
    /// Gazette's own schema: the output contract's labels, unchanged; relation types of the
    /// design, unchanged (roles are Gazette's own, so `sourceRole`/`targetRole` are unused).
    public static let gazette = LabelMap(
        format: .gazette,
        labels: Dictionary(uniqueKeysWithValues: EntityLabel.allCases.map { ($0.rawValue, LabelTarget.entity($0.rawValue)) }),
        relations: Dictionary(uniqueKeysWithValues: gazetteRelationTypes.map {
            ($0, RelationTarget(type: $0, sourceRole: "", targetRole: ""))
        })
    )

    /// Relation types of the output contract (DESIGN.md, Corpus/README.md).
    public static let gazetteRelationTypes = [
        "has_title", "member_of", "affiliated_with", "nationality", "located_in", "alias",
        "quantity_of", "deploy", "attack", "ally", "meet",
    ]

    /// Quantity kinds of the output contract.
    public static let gazetteQuantityKinds = QuantityKind.allCases.map(\.rawValue)

    /// CoNLL-2003 style tags (WikiGold): PER, LOC, ORG scored; MISC (nationalities, events,
    /// works, ...) is not scored, as in the usual PER/LOC/ORG comparison.
    public static let conll = LabelMap(
        format: .conll,
        labels: [
            "PER": .entity("PERSON"),
            "LOC": .entity("LOCATION"),
            "ORG": .entity("ORGANIZATION"),
            "MISC": .ignored,
        ]
    )

    /// re3d entity types. Quantity and Money are scored as quantity spans (re3d gives no value).
    /// Relation types are mapped by `Re3dRelationMap` (its `labelMap` adds them to this table).
    public static let re3d = LabelMap(
        format: .re3d,
        labels: [
            "Person": .entity("PERSON"),
            "Organisation": .entity("ORGANIZATION"),
            "Location": .entity("LOCATION"),
            "Nationality": .entity("NATIONALITY"),
            "Quantity": .quantity(kind: nil),
            "Money": .quantity(kind: "money"),
            "Temporal": .ignored,
            "Weapon": .ignored,
            "MilitaryPlatform": .ignored,
            "Vehicle": .ignored,
            "DocumentReference": .ignored,
            "CommsIdentifier": .ignored,
        ],
        relations: [:]
    )
}
