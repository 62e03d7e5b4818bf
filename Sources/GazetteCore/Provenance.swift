/// Where an annotation came from: the stage, the rule within it and, for lexicon matches, the
/// list file and line ("places/countries.tsv:164").
public struct Provenance: Hashable, Sendable {
    public var stage: String
    public var rule: String
    /// `Optional<String>` rather than `String?` (no implicit `nil` initial value: see `Quantity`).
    public var lexicon: Optional<String>

    @inlinable
    public init(stage: String, rule: String, lexicon: String? = nil) {
        self.stage = stage
        self.rule = rule
        self.lexicon = lexicon
    }
}
