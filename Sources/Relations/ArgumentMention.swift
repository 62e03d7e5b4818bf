import GazetteCore

/// One entity or quantity as the relation rules see it: its reference, range and token span.
public struct ArgumentMention: Hashable, Sendable {
    /// The annotation it is (`.entity(i)` or `.quantity(i)`).
    public var reference: AnnotationReference
    /// Its text range (UTF-8 bytes).
    public var range: TextRange
    /// Entity label; nil for quantities.
    public var label: EntityLabel?
    /// Entity subtype or quantity kind.
    public var subtype: String?
    /// First and last token (inclusive).
    public var firstToken: Int
    public var lastToken: Int
    /// Sentence index.
    public var sentence: Int

    /// True for an entity with one of `labels`.
    public func isEntity(_ labels: EntityLabel...) -> Bool {
        guard let label else { return false }
        return labels.contains(label)
    }

    /// True for a quantity.
    public var isQuantity: Bool { label == nil }
}
