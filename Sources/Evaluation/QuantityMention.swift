/// A quantity mention in evaluation form: span, kind, exact decimal value and unit.
public struct QuantityMention: Hashable, Sendable {
    /// The span, in code points.
    public var span: Span
    /// "cardinal", "money", ...; nil when the gold format does not say (re3d's `Quantity`).
    public var kind: String?
    /// Exact decimal value as written ("3000", "0.25"); nil for ranges or when unknown.
    public var value: String?
    /// Canonical unit ("km", "USD", "%"), if any.
    public var unit: String?
    /// The ID as written ("q1"), used to resolve relation arguments.
    public var id: String?
    /// The span's text as written in the file, if recorded.
    public var text: String?
    /// Where the mention was read from, if it came from a file.
    public var source: GoldSource?

    /// Creates a mention.
    public init(
        span: Span, kind: String?, value: String? = nil, unit: String? = nil, id: String? = nil,
        text: String? = nil, source: GoldSource? = nil
    ) {
        self.span = span
        self.kind = kind
        self.value = value
        self.unit = unit
        self.id = id
        self.text = text
        self.source = source
    }
}
