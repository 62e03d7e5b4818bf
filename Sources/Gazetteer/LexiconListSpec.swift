/// How a list's surfaces compare with the text's letters.
public enum CasePolicy: String, Hashable, Sendable, CaseIterable {
    /// Case must match as written ("US" matches only "US").
    case sensitive
    /// Case is folded on both sides ("north korea" matches "North Korea" and "NORTH KOREA").
    case insensitive
}

/// Whether diacritics are folded ("São Paulo" = "Sao Paulo") when comparing.
public enum DiacriticsPolicy: String, Hashable, Sendable, CaseIterable {
    /// Diacritics, typographic apostrophes and Unicode hyphens are folded on both sides.
    case fold
    /// Characters compare as written.
    case keep
}

/// One list of a lexicon: where it is and how its entries are labelled and matched (a manifest
/// row, or the `#!` header of a single list file).
public struct LexiconListSpec: Hashable, Sendable {
    /// Path to open (the lexicon directory joined with the manifest's file, or the file given).
    public var path: String
    /// Name used in provenance: relative to its directory for the bundled lexicons
    /// ("places/countries.tsv"), the path as given for user lists.
    public var displayName: String
    public var label: LexiconLabel
    /// The list's subtype; nil (`-` in the manifest) when entries carry `subtype=...` features.
    public var subtype: String?
    public var casePolicy: CasePolicy
    public var diacritics: DiacriticsPolicy
    /// Higher wins among candidates of equal length.
    public var priority: Int
    /// 0 for the bundled lexicons, then 1, 2, ... for each user directory and file in order; a
    /// later layer's entry overrides an earlier layer's entry with the same surface and label.
    public var layer: Int

    public init(
        path: String, displayName: String, label: LexiconLabel, subtype: String?, casePolicy: CasePolicy,
        diacritics: DiacriticsPolicy, priority: Int, layer: Int
    ) {
        self.path = path
        self.displayName = displayName
        self.label = label
        self.subtype = subtype
        self.casePolicy = casePolicy
        self.diacritics = diacritics
        self.priority = priority
        self.layer = layer
    }

    /// The matching mode (0...3) these policies select: bit 0 = case folded, bit 1 = diacritics folded.
    var mode: Int { (casePolicy == .insensitive ? 1 : 0) | (diacritics == .fold ? 2 : 0) }
}
