/// A sentence: its span, trimmed of surrounding whitespace, and the tokens it holds.
public struct Sentence: Hashable, Sendable {
    /// The sentence's text span (UTF-8 byte offsets), without leading or trailing whitespace.
    public var range: TextRange
    /// Indices into `Document.tokens` of this sentence's tokens (empty when tokens were not produced).
    public var tokens: Range<Int>

    public init(range: TextRange, tokens: Range<Int> = 0..<0) {
        self.range = range
        self.tokens = tokens
    }
}
