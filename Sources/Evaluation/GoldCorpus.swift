/// A gold set as read from one path: its documents, its format and what the format can be scored
/// on (CoNLL has no quantities, re3d's quantities carry no value, ...).
public struct GoldCorpus: Sendable {
    /// The path as given.
    public var path: String
    /// The format it was read as.
    public var format: GoldFormat
    /// The documents, in file order.
    public var documents: [AnnotatedDocument]
    /// The format's label table.
    public var labelMap: LabelMap
    /// Entity labels scored: the labels the format can express (predictions with other labels are
    /// left out of the scores).
    public var entityLabels: [String]
    /// Whether quantities are scored at all.
    public var scoresQuantities: Bool
    /// Whether the gold gives quantity kinds, values and units (Gazette JSON lines).
    public var scoresQuantityDetails: Bool
    /// Whether relations are scored.
    public var scoresRelations: Bool
    /// Remarks for the report ("757 re3d relations not scored: types not mapped yet").
    public var notes: [String]

    /// Creates a corpus.
    public init(
        path: String, format: GoldFormat, documents: [AnnotatedDocument], labelMap: LabelMap,
        entityLabels: [String]? = nil, scoresQuantities: Bool, scoresQuantityDetails: Bool, scoresRelations: Bool,
        notes: [String] = []
    ) {
        self.path = path
        self.format = format
        self.documents = documents
        self.labelMap = labelMap
        self.entityLabels = entityLabels ?? labelMap.entityLabels
        self.scoresQuantities = scoresQuantities
        self.scoresQuantityDetails = scoresQuantityDetails
        self.scoresRelations = scoresRelations
        self.notes = notes
    }

    /// Reads a gold set, detecting the format from the path when `format` is nil.
    public static func read(path: String, format: GoldFormat? = nil) throws(EvaluationError) -> GoldCorpus {
        let format: GoldFormat = try {
            () throws(EvaluationError) -> GoldFormat in
            if let format { return format }
            return try GoldFormat.detect(path: path)
        }()
        switch format {
        case .gazette:
            return GoldCorpus(
                path: path, format: format, documents: try GazetteJSONLReader().read(path: path), labelMap: .gazette,
                scoresQuantities: true, scoresQuantityDetails: true, scoresRelations: true)
        case .conll:
            return GoldCorpus(
                path: path, format: format, documents: try CoNLLReader().read(path: path), labelMap: .conll,
                scoresQuantities: false, scoresQuantityDetails: false, scoresRelations: false,
                notes: ["CoNLL: MISC is not scored; quantities and relations are not annotated"])
        case .re3d:
            let result = try Re3dReader().read(path: path)
            var notes: [String] = []
            let unmapped = result.unmappedRelations.values.reduce(0, +)
            if unmapped > 0 {
                let types = result.unmappedRelations.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                notes.append("re3d: \(unmapped) relations not scored (types not mapped yet: \(types.joined(separator: ", ")))")
            }
            notes.append("re3d: quantities scored by span only (no values in the gold); Temporal, Weapon, Vehicle, ... not scored")
            return GoldCorpus(
                path: path, format: format, documents: result.documents, labelMap: .re3d,
                scoresQuantities: true, scoresQuantityDetails: false, scoresRelations: !LabelMap.re3d.relations.isEmpty,
                notes: notes)
        }
    }
}
