/// The result of scoring predictions against a gold set.
public struct EvaluationReport: Sendable, Codable {
    /// The gold path.
    public var gold: String
    /// The gold format.
    public var format: GoldFormat
    /// Gold documents.
    public var documents: Int
    /// The pipeline's stages, when the pipeline was run in-process.
    public var pipeline: [String]?
    /// The predictions' path, when read from a file.
    public var predictions: String?
    /// Gold documents with no prediction (scored as all-missed).
    public var missingDocuments: [String]
    /// Gold documents whose prediction failed (scored as all-missed).
    public var failedDocuments: [String]
    /// Gold documents whose prediction has a different text (scored as all-missed).
    public var mismatchedDocuments: [String]
    /// Predicted documents not in the gold (ignored).
    public var extraDocuments: Int
    /// Entity labels scored.
    public var entityLabels: [String]
    /// Entity scores.
    public var entities: ScoreTable
    /// Quantity scores, when the gold marks quantities.
    public var quantities: QuantityReport?
    /// Relation scores, when the gold's relations can be scored.
    public var relations: ScoreTable?
    /// Remarks (what is not scored and why).
    public var notes: [String]
    /// Missed and spurious items, in document order (all of them; trim before printing).
    public var discrepancies: [Discrepancy]

    /// Creates a report.
    public init(
        gold: String, format: GoldFormat, documents: Int, pipeline: [String]? = nil, predictions: String? = nil,
        missingDocuments: [String] = [], failedDocuments: [String] = [], mismatchedDocuments: [String] = [],
        extraDocuments: Int = 0, entityLabels: [String], entities: ScoreTable, quantities: QuantityReport? = nil,
        relations: ScoreTable? = nil, notes: [String] = [], discrepancies: [Discrepancy] = []
    ) {
        self.gold = gold
        self.format = format
        self.documents = documents
        self.pipeline = pipeline
        self.predictions = predictions
        self.missingDocuments = missingDocuments
        self.failedDocuments = failedDocuments
        self.mismatchedDocuments = mismatchedDocuments
        self.extraDocuments = extraDocuments
        self.entityLabels = entityLabels
        self.entities = entities
        self.quantities = quantities
        self.relations = relations
        self.notes = notes
        self.discrepancies = discrepancies
    }

    /// Looks up a figure by name, as the thresholds file writes them:
    ///
    /// - `LAYER.MATCH.MEASURE`: micro average, e.g. `entities.exact.f1`, `entities.overlap.recall`
    /// - `LAYER.LABEL.MATCH.MEASURE`: one label, e.g. `entities.PERSON.exact.f1`,
    ///   `quantities.money.exact.f1` (by kind), `relations.has_title.exact.f1`
    /// - `quantities.value.accuracy`, `quantities.unit.accuracy`, `quantities.kind.accuracy`
    ///
    /// LAYER is `entities`, `quantities` (micro = spans, kind ignored) or `relations`; MATCH is
    /// `exact` or `overlap`; MEASURE is `precision`, `recall` or `f1`. Returns nil for an unknown
    /// name or a layer this gold set does not score; a label absent from the table scores 0.
    public func metric(_ name: String) -> Double? {
        let parts = name.split(separator: ".").map(String.init)
        guard let layer = parts.first else { return nil }
        if layer == "quantities", parts.count == 3, parts[2] == "accuracy", let quantities {
            switch parts[1] {
            case "value": return quantities.value.accuracy
            case "unit": return quantities.unit.accuracy
            case "kind": return quantities.kind.accuracy
            default: return nil
            }
        }
        let table: ScoreTable?
        switch layer {
        case "entities": table = entities
        case "quantities": table = parts.count == 4 ? quantities?.kinds : quantities?.spans
        case "relations": table = relations
        default: return nil
        }
        guard let table else { return nil }
        let row: LabelScore
        let match: String
        let measure: String
        switch parts.count {
        case 3:
            row = table.micro
            (match, measure) = (parts[1], parts[2])
        case 4:
            row = table.row(parts[1]) ?? SpanScorer.empty(parts[1])
            (match, measure) = (parts[2], parts[3])
        default:
            return nil
        }
        switch match {
        case "exact": return row.exact.value(named: measure)
        case "overlap": return row.overlap.value(named: measure)
        default: return nil
        }
    }
}
