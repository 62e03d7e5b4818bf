/// An input field passed through to the output unchanged: its name and its JSON value exactly as
/// it was written in the input (raw UTF-8 bytes of the value).
public struct PassthroughField: Hashable, Sendable {
    public var name: String
    public var rawJSON: [UInt8]

    public init(name: String, rawJSON: [UInt8]) {
        self.name = name
        self.rawJSON = rawJSON
    }
}

/// One document and all its annotation layers. A value: stages take it `inout` and add layers.
///
/// All ranges are UTF-8 byte offsets into `text` (`text` is always a native, contiguous UTF-8
/// string). The output converts them to code points.
public struct Document: Sendable {
    /// The document's ID: the input's `id`, a `.txt` file's path, or "file:line".
    public var id: String
    /// The text (valid UTF-8; invalid input bytes were replaced by U+FFFD when read).
    public private(set) var text: String
    /// Input fields other than `id` and `text`, in input order, written back unchanged.
    public var fields: [PassthroughField]
    /// Where the document was read from.
    public var source: SourceLocation?

    public var sentences: [Sentence] = []
    public var tokens: [Token] = []
    public var entities: [Entity] = []
    public var quantities: [Quantity] = []
    public var relations: [Relation] = []
    /// Recoverable problems, in the order found.
    public var warnings: [Diagnostic] = []

    /// Creates a document. The text is made native UTF-8 so stages can read its bytes directly.
    public init(id: String, text: String, fields: [PassthroughField] = [], source: SourceLocation? = nil) {
        self.id = id
        var native = text
        native.makeContiguousUTF8()
        self.text = native
        self.fields = fields
        self.source = source
    }

    /// Number of UTF-8 bytes in the text.
    public var byteCount: Int { text.utf8.count }

    /// The text of a range, as a new string.
    public func text(of range: TextRange) -> String {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: max(0, min(range.start, utf8.count)))
        let upper = utf8.index(utf8.startIndex, offsetBy: max(0, min(range.end, utf8.count)))
        return String(text[lower..<upper])
    }

    /// Calls `body` with the text's UTF-8 bytes, without copying.
    public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return try Array(text.utf8).withUnsafeBufferPointer(body)
    }
}
