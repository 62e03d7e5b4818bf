/// An entity mention in evaluation form: a code point span and a label in the pipeline's
/// vocabulary (gold labels are mapped by the format's `LabelMap` when read).
public struct EntityMention: Hashable, Sendable {
    /// The span, in code points.
    public var span: Span
    /// The label ("PERSON", "LOCATION", ...).
    public var label: String
    /// The ID as written ("e3"), used to resolve relation arguments.
    public var id: String?
    /// The span's text as written in the file, if the format records it (checked by `GoldValidator`).
    public var text: String?
    /// Subtype ("country", "city", ...), if any.
    public var subtype: String?
    /// Where the mention was read from, if it came from a file.
    public var source: GoldSource?

    /// Creates a mention.
    public init(
        span: Span, label: String, id: String? = nil, text: String? = nil, subtype: String? = nil,
        source: GoldSource? = nil
    ) {
        self.span = span
        self.label = label
        self.id = id
        self.text = text
        self.subtype = subtype
        self.source = source
    }
}
