import GazetteCore

/// The stable index of an entry in a `CompiledLexicon`.
public struct LexiconEntryID: Hashable, Comparable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public static func < (lhs: LexiconEntryID, rhs: LexiconEntryID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One lexicon entry, read from its list line: the surface form, what it refers to, its features
/// and where it was defined.
public struct LexiconEntry: Hashable, Sendable {
    public var id: LexiconEntryID
    /// The surface form as written in the list.
    public var surface: String
    public var label: LexiconLabel
    /// The list's subtype, else the entry's `subtype=` feature.
    public var subtype: String?
    /// Canonical name and ID ("North Korea", "iso3166:KP").
    public var canonical: CanonicalReference
    /// The `key=value` features of the line (a repeated key's values are joined with "|").
    public var features: [String: String]
    /// The list's name ("places/countries.tsv" for bundled lists, the path as given for user lists).
    public var list: String
    /// 1-based line number in the list.
    public var line: Int
    /// The list's priority.
    public var priority: Int
    /// The override layer (0 = bundled).
    public var layer: Int

    /// "list:line", as used in `Provenance.lexicon`.
    public var location: String { "\(list):\(line)" }
}

/// A lexicon match in a document: a token span and one entry whose surface it matches.
public struct LexiconCandidate: Hashable, Sendable {
    /// Indices into `Document.tokens` of the matched tokens.
    public var tokens: Range<Int>
    /// The matched text (UTF-8 byte offsets).
    public var range: TextRange
    public var entry: LexiconEntryID
    public var label: LexiconLabel
    public var priority: Int
    /// Index into `CompiledLexicon.lists` of the entry's list.
    public var list: Int
    /// `label` as a code (cheap to test).
    public var code: LexiconLabelCode
}
