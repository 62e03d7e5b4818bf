/// A document with annotations in evaluation form (code point spans): a gold document as read
/// from a gold file, or a prediction (from a pipeline run or a `--pred` file).
public struct AnnotatedDocument: Sendable {
    /// The document's ID; predictions are matched to gold documents by it.
    public var id: String
    /// The text.
    public var text: String
    /// Entity mentions.
    public var entities: [EntityMention]
    /// Quantity mentions.
    public var quantities: [QuantityMention]
    /// Relations.
    public var relations: [RelationMention]
    /// Where the document starts in its file.
    public var source: GoldSource?
    /// For a prediction that failed (an error record, or a stage error): the message. A failed
    /// prediction scores as if it were missing: every gold annotation missed.
    public var failure: String?

    /// Creates a document.
    public init(
        id: String, text: String, entities: [EntityMention] = [], quantities: [QuantityMention] = [],
        relations: [RelationMention] = [], source: GoldSource? = nil, failure: String? = nil
    ) {
        self.id = id
        self.text = text
        self.entities = entities
        self.quantities = quantities
        self.relations = relations
        self.source = source
        self.failure = failure
    }

    /// The text of a code point span (clamped to the text).
    public func text(of span: Span) -> String {
        let scalars = text.unicodeScalars
        let count = scalars.count
        let lower = scalars.index(scalars.startIndex, offsetBy: max(0, min(span.start, count)))
        let upper = scalars.index(lower, offsetBy: max(0, min(span.end, count) - max(0, min(span.start, count))))
        return String(scalars[lower..<upper])
    }

    /// Number of code points in the text.
    public var codePointCount: Int { text.unicodeScalars.count }
}
