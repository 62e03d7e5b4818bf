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
    /// Remarks for the report ("re3d relations: Likes, Dislikes and Apart not scored").
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
            // relations through the type map: score predictions after `Re3dRelationMap.project`
            var corpus = try Re3dRelationMap.read(path: path)
            corpus.notes.append("re3d: quantities scored by span only (no values in the gold); Temporal, Weapon, Vehicle, ... not scored")
            return corpus
        }
    }
}
