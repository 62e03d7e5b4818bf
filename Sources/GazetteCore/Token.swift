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

/// A token: a span of the text with its kind and shape.
public struct Token: Hashable, Sendable {
    /// The token's span (UTF-8 byte offsets).
    public var range: TextRange
    /// Coarse kind.
    public var kind: TokenKind
    /// Orthographic shape, spaCy style: "Xxxxx" for "Zelenskiy", "X.X." for "U.S.",
    /// "d,ddd" for "3,000"; runs of the same class are cut after four characters.
    public var shape: String
    /// Index into `Document.sentences` of the sentence holding this token.
    public var sentence: Int
    /// True for the first word or number of its sentence (opening quotes and brackets skipped).
    public var isSentenceInitial: Bool
    /// True when whitespace (or the start of the text) comes right before the token.
    public var spaceBefore: Bool

    public init(
        range: TextRange, kind: TokenKind, shape: String, sentence: Int,
        isSentenceInitial: Bool = false, spaceBefore: Bool = true
    ) {
        self.range = range
        self.kind = kind
        self.shape = shape
        self.sentence = sentence
        self.isSentenceInitial = isSentenceInitial
        self.spaceBefore = spaceBefore
    }
}
