/// An error found while locating, reading or compiling lexicons. Every case names the file and,
/// where there is one, the 1-based line.
public enum LexiconError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A list line is not `surface<TAB>canonical<TAB>id[<TAB>key=value ...]`.
    case malformedLine(file: String, line: Int, reason: String)
    /// A manifest row is not `file<TAB>label<TAB>subtype<TAB>case<TAB>diacritics<TAB>priority`.
    case badManifest(file: String, line: Int, reason: String)
    /// A `#!` header line of a single list file (`--lexicon FILE`) is invalid or incomplete.
    case badHeader(file: String, line: Int, reason: String)
    /// A file named by a manifest or on the command line does not exist.
    case missingFile(path: String, referencedFrom: String?)
    /// A file exists but could not be read.
    case unreadable(path: String, message: String)
    /// The bundled lexicon directory (holding `manifest.tsv`) was not found.
    case lexiconDirectoryNotFound(searched: [String])

    public var description: String {
        switch self {
        case let .malformedLine(file, line, reason):
            return "\(file):\(line): malformed lexicon line: \(reason)"
        case let .badManifest(file, line, reason):
            return "\(file):\(line): bad manifest row: \(reason)"
        case let .badHeader(file, line, reason):
            return "\(file):\(line): bad lexicon header: \(reason)"
        case let .missingFile(path, referencedFrom):
            if let referencedFrom { return "\(referencedFrom): lexicon file \(path) does not exist" }
            return "lexicon file \(path) does not exist"
        case let .unreadable(path, message):
            return "cannot read lexicon file \(path): \(message)"
        case let .lexiconDirectoryNotFound(searched):
            return "no lexicon directory (Lexicons/manifest.tsv) found; set GAZETTE_LEXICONS to the Lexicons "
                + "folder or run from the repository (searched: \(searched.joined(separator: ", ")))"
        }
    }
}
