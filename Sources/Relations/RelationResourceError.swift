/// A resource file that could not be read.
public enum RelationResourceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A required file could not be read.
    case unreadable(path: String)
    /// No lexicon directory with `relations/triggers.tsv` was found.
    case notFound

    public var description: String {
        switch self {
        case let .unreadable(path): return "cannot read \(path)"
        case .notFound: return "no Lexicons/relations/triggers.tsv found; set GAZETTE_LEXICONS to the Lexicons directory"
        }
    }
}
