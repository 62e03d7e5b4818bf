/// The coarse kind of a token.
public enum TokenKind: String, Hashable, Sendable, CaseIterable {
    /// Letters (any script), including words with internal apostrophes or periods ("U.S.").
    case word
    /// Digits, with grouping and decimal separators ("3,000", "1.5"), or ordinals ("3rd").
    case number
    /// Punctuation: periods, commas, quotes, brackets, dashes.
    case punctuation
    /// Everything else: currency and math symbols, emoji.
    case symbol
}

/// A token: a span of the text with its kind. Its orthographic shape is computed on demand
/// (`Document.shape(of:)`), so the hot path stores plain values only.
public struct Token: Hashable, Sendable {
    /// The token's span (UTF-8 byte offsets).
    public var range: TextRange
    /// Coarse kind.
    public var kind: TokenKind
    /// Index into `Document.sentences` of the sentence holding this token.
    public var sentence: Int
    /// True for the first word or number of its sentence (opening quotes and brackets skipped).
    public var isSentenceInitial: Bool
    /// True when whitespace (or the start of the text) comes right before the token.
    public var spaceBefore: Bool

    public init(
        range: TextRange, kind: TokenKind, sentence: Int,
        isSentenceInitial: Bool = false, spaceBefore: Bool = true
    ) {
        self.range = range
        self.kind = kind
        self.sentence = sentence
        self.isSentenceInitial = isSentenceInitial
        self.spaceBefore = spaceBefore
    }
}
