/// A stable, machine-readable diagnostic code ("invalid-utf8", "malformed-json", ...).
///
/// Codes never change once released: users filter on them with jq. Modules add their own codes
/// as static members in extensions.
public struct DiagnosticCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
}

extension DiagnosticCode {
    /// The input bytes were not valid UTF-8; invalid sequences were replaced by U+FFFD.
    public static let invalidUTF8: DiagnosticCode = "invalid-utf8"
    /// The input contained NUL or other control bytes typical of binary files.
    public static let binaryContent: DiagnosticCode = "binary-content"
    /// The document's text is empty or only whitespace.
    public static let emptyText: DiagnosticCode = "empty-text"
    /// A JSON line could not be parsed.
    public static let malformedJSON: DiagnosticCode = "malformed-json"
    /// A JSON line is valid JSON but not an object with a string `text`.
    public static let missingText: DiagnosticCode = "missing-text"
    /// A document is larger than the configured limit.
    public static let documentTooLarge: DiagnosticCode = "document-too-large"
    /// A stage failed on this document.
    public static let stageFailed: DiagnosticCode = "stage-failed"
    /// A path could not be read.
    public static let unreadablePath: DiagnosticCode = "unreadable-path"
    /// ICU segmentation reported an error.
    public static let segmentationFailed: DiagnosticCode = "segmentation-failed"
}

/// A recoverable problem found while reading or annotating a document. It is kept in the
/// document's `warnings` layer; the document is still annotated.
public struct Diagnostic: Hashable, Sendable {
    /// Stable code.
    public var code: DiagnosticCode
    /// Human-readable explanation.
    public var message: String
    /// The part of the text concerned, if any (UTF-8 byte offsets).
    public var range: TextRange?

    public init(code: DiagnosticCode, message: String, range: TextRange? = nil) {
        self.code = code
        self.message = message
        self.range = range
    }
}

/// Where a document came from: a file (or "-" for standard input) and, for JSON lines, a line.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int?

    public init(path: String, line: Int? = nil) {
        self.path = path
        self.line = line
    }

    /// "file:line", or "file" for whole-file documents.
    public var description: String {
        if let line { return "\(path):\(line)" }
        return path
    }
}
