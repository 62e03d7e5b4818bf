/// A gold item the prediction missed, or a predicted item that is not in the gold (exact
/// matching), with its context so a developer sees what to fix.
public struct Discrepancy: Hashable, Sendable, Codable {
    /// Missed or spurious.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// In the gold, not predicted exactly.
        case missed
        /// Predicted, not in the gold exactly.
        case spurious
    }

    /// "entities", "quantities" or "relations".
    public var layer: String
    /// Missed or spurious.
    public var kind: Kind
    /// The document's ID.
    public var document: String
    /// The label.
    public var label: String
    /// The span (for relations: the span covering every argument).
    public var span: Span
    /// The item's text (for relations: `role=text` pairs).
    public var text: String
    /// The text around the span, the span marked `[[...]]`, newlines shown as spaces.
    public var context: String
    /// What the other side has here: "predicted as LOCATION", "partial: gold [3,9) \"...\"".
    public var hint: String?
    /// Where a missed gold item was read from.
    public var source: GoldSource?
}
