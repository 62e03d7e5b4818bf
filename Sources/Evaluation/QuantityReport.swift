/// Quantity scores: spans (whatever the kind), spans with kinds, and on exactly matched spans the
/// accuracy of kind, value and unit.
public struct QuantityReport: Hashable, Sendable, Codable {
    /// Span matching, kind ignored (one row, label "QUANTITY").
    public var spans: ScoreTable
    /// Span and kind matching, one row per kind (only when the gold gives kinds).
    public var kinds: ScoreTable?
    /// Kind agreement on exactly matched spans (gold items with a kind).
    public var kind: Accuracy
    /// Value agreement (as exact decimals) on exactly matched spans (gold items with a value).
    public var value: Accuracy
    /// Unit agreement on exactly matched spans (gold items with a unit).
    public var unit: Accuracy

    /// Creates a report.
    public init(spans: ScoreTable, kinds: ScoreTable?, kind: Accuracy, value: Accuracy, unit: Accuracy) {
        self.spans = spans
        self.kinds = kinds
        self.kind = kind
        self.value = value
        self.unit = unit
    }
}
