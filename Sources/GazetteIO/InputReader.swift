import GazetteCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What reading the input yields, in input order.
public enum InputRecord: Sendable {
    /// A document to annotate.
    case document(Document)
    /// A document that could not be read (malformed JSON, no text, too large): it gets an error
    /// record in the output.
    case failure(DocumentFailure)
    /// A path that could not be read at all: reported on stderr, no output line.
    case unreadable(path: String, message: String)
    /// A JSON line not parsed yet (only with `InputOptions.deferParsing`): call `resolved()`,
    /// typically on a worker thread, to turn it into a document or a failure.
    case jsonLine(bytes: [UInt8], source: SourceLocation)

    /// The record with any deferred JSON line parsed.
    public func resolved() -> InputRecord {
        guard case let .jsonLine(bytes, source) = self else { return self }
        return InputReader.parseLine(bytes, source: source)
    }
}

/// How standard input is read.
public enum StandardInputFormat: String, Sendable, CaseIterable {
    /// JSON lines when the first byte that is not whitespace is `{`, else one plain-text
    /// document (input that is only whitespace holds no document).
    case auto
    /// One JSON document per line, as in a `.jsonl` file.
    case jsonLines = "jsonl"
    /// The whole input is one plain-text document, as a `.txt` file (its id is `stdin`).
    case text
}

/// Reading options.
public struct InputOptions: Sendable {
    /// Largest document accepted, in bytes (a `.txt` file, or one JSON line).
    public var maximumDocumentBytes: Int
    /// Return JSON lines unparsed (`InputRecord.jsonLine`), so that parsing can run in parallel.
    public var deferParsing: Bool
    /// How `-` (standard input) is read.
    public var standardInput: StandardInputFormat

    public init(maximumDocumentBytes: Int = 64 << 20, deferParsing: Bool = false, standardInput: StandardInputFormat = .auto) {
        self.maximumDocumentBytes = maximumDocumentBytes
        self.deferParsing = deferParsing
        self.standardInput = standardInput
    }
}

/// Streams documents from paths: `.txt` files (one document each, id = the path as given),
/// directories (walked recursively in sorted order, `.txt` and `.jsonl` files), `.jsonl` files
/// (one document per line) and `-` (standard input: JSON lines or one plain-text document, as
/// `InputOptions.standardInput` says). Memory holds one line or file at a time, so inputs of
/// any size can be read.
public final class InputReader {
    private enum Source {
        case path(String)
        case textFile(String)
        case jsonLines(String)
        case standardInput
    }

    private let options: InputOptions
    private var queue: [Source]
    private var queueIndex = 0
    private var lines: LineReader?
    private var linesPath = ""
    private var linesDescriptor: Int32 = -1

    /// The descriptor read for `-` (0, standard input, unless given).
    private let standardInputDescriptor: Int32

    /// Creates a reader over `paths`; an empty list means standard input (`-`), read from
    /// `standardInput` (a descriptor the reader does not close).
    public init(paths: [String], options: InputOptions = InputOptions(), standardInput: Int32 = 0) {
        self.options = options
        self.standardInputDescriptor = standardInput
        self.queue = paths.isEmpty ? [.standardInput] : paths.map { $0 == "-" ? .standardInput : .path($0) }
    }

    deinit { closeLines() }

    /// The next record, or nil when all input is read.
    public func next() -> InputRecord? {
        while true {
            if lines != nil {
                if let record = nextLineRecord() { return record }
                closeLines()
                continue
            }
            guard queueIndex < queue.count else { return nil }
            let source = queue[queueIndex]
            queueIndex += 1
            switch source {
            case .standardInput:
                if let record = openStandardInput() { return record }
            case let .jsonLines(path):
                let descriptor = open(path, O_RDONLY | O_CLOEXEC)
                guard descriptor >= 0 else { return .unreadable(path: path, message: Self.errorText()) }
                openLines(descriptor: descriptor, path: path, owned: true)
            case let .textFile(path):
                return readTextFile(path)
            case let .path(path):
                if let record = expand(path) { return record }
            }
        }
    }

    // MARK: - Paths

    /// Replaces a user-given path by what it holds; returns a record when it cannot be read.
    private func expand(_ path: String) -> InputRecord? {
        var info = stat()
        guard stat(path, &info) == 0 else { return .unreadable(path: path, message: Self.errorText()) }
        if info.st_mode & S_IFMT == S_IFDIR {
            var visited = Set<[UInt64]>()
            var files: [String] = []
            var problems: [InputRecord] = []
            walk(path, into: &files, problems: &problems, visited: &visited)
            let sources = files.map { Self.isJSONLines($0) ? Source.jsonLines($0) : Source.textFile($0) }
            queue.insert(contentsOf: sources, at: queueIndex)
            if let first = problems.first { return first }
            return nil
        }
        queue.insert(Self.isJSONLines(path) ? .jsonLines(path) : .textFile(path), at: queueIndex)
        return nil
    }

    private static func isJSONLines(_ path: String) -> Bool {
        path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson")
    }

    /// Collects `.txt` and `.jsonl` files under `directory`, sorted, skipping hidden entries and
    /// directory cycles.
    private func walk(_ directory: String, into files: inout [String], problems: inout [InputRecord], visited: inout Set<[UInt64]>) {
        var info = stat()
        guard stat(directory, &info) == 0 else {
            problems.append(.unreadable(path: directory, message: Self.errorText()))
            return
        }
        guard visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { return }
        guard let handle = opendir(directory) else {
            problems.append(.unreadable(path: directory, message: Self.errorText()))
            return
        }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        closedir(handle)
        names.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        for name in names {
            let path = prefix + name
            var child = stat()
            guard stat(path, &child) == 0 else {
                problems.append(.unreadable(path: path, message: Self.errorText()))
                continue
            }
            if child.st_mode & S_IFMT == S_IFDIR {
                walk(path, into: &files, problems: &problems, visited: &visited)
            } else if name.hasSuffix(".txt") || name.hasSuffix(".jsonl") {
                files.append(path)
            }
        }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }

    // MARK: - Text files

    private func readTextFile(_ path: String) -> InputRecord {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .unreadable(path: path, message: Self.errorText()) }
        defer { close(descriptor) }
        return readText(descriptor: descriptor, path: path)
    }

    /// The rest of `descriptor` as one plain-text document named `path`, after the bytes
    /// `prefix` already read from it.
    private func readText(descriptor: Int32, path: String, prefix: [UInt8] = []) -> InputRecord {
        let source = SourceLocation(path: path)
        let tooLarge = InputRecord.failure(
            DocumentFailure(
                id: path, code: .documentTooLarge,
                message: "\(path) is larger than the \(options.maximumDocumentBytes)-byte document limit (--max-document-bytes)",
                source: source))
        guard prefix.count <= options.maximumDocumentBytes else { return tooLarge }
        var bytes = prefix
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .unreadable(path: path, message: Self.errorText())
            }
            if count == 0 { break }
            if bytes.count + count > options.maximumDocumentBytes { return tooLarge }
            bytes.append(contentsOf: chunk[0..<count])
        }
        let decoded = TextDecoding.decode(bytes)
        var document = Document(id: path, text: decoded.text, source: source)
        document.warnings = decoded.warnings
        Self.checkEmpty(&document)
        return .document(document)
    }

    private static func checkEmpty(_ document: inout Document) {
        if document.text.utf8.allSatisfy(isWhitespace) {
            document.warnings.append(Diagnostic(code: .emptyText, message: "the document has no text"))
        }
    }

    // MARK: - Standard input

    /// Starts reading standard input: as JSON lines (returns nil; the lines follow), or as one
    /// plain-text document (returned). In `auto` format the first bytes decide: a `{` before
    /// anything but whitespace means JSON lines.
    private func openStandardInput() -> InputRecord? {
        let input = standardInputDescriptor
        switch options.standardInput {
        case .jsonLines:
            openLines(descriptor: input, path: "stdin", owned: false)
            return nil
        case .text:
            return readText(descriptor: input, path: "stdin")
        case .auto:
            var prefix: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    return .unreadable(path: "stdin", message: Self.errorText())
                }
                prefix.append(contentsOf: chunk[0..<count])
                // Decided by the first byte that is not whitespace; input of only whitespace
                // (or nothing) is read as JSON lines, which gives no document. The look-ahead
                // is bounded: a long run of whitespace is read as JSON lines too.
                let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
                let first = prefix.dropFirst(prefix.starts(with: bom) ? 3 : 0).first { !Self.isWhitespace($0) }
                if count == 0 || first != nil || prefix.count >= 1 << 16 {
                    if let first, first != UInt8(ascii: "{") { return readText(descriptor: input, path: "stdin", prefix: prefix) }
                    openLines(descriptor: input, path: "stdin", owned: false, prefix: prefix)
                    return nil
                }
            }
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    // MARK: - JSON lines

    private func openLines(descriptor: Int32, path: String, owned: Bool, prefix: [UInt8] = []) {
        lines = LineReader(descriptor: descriptor, limit: options.maximumDocumentBytes, prefix: prefix)
        linesPath = path
        linesDescriptor = owned ? descriptor : -1
    }

    private func closeLines() {
        if linesDescriptor >= 0 { close(linesDescriptor) }
        linesDescriptor = -1
        lines = nil
    }

    private func nextLineRecord() -> InputRecord? {
        while true {
            guard let line = lines?.next() else { return nil }
            switch line {
            case let .failure(number, message):
                return .unreadable(path: "\(linesPath):\(number)", message: message)
            case let .tooLong(number, length):
                let source = SourceLocation(path: linesPath, line: number)
                return .failure(
                    DocumentFailure(
                        id: source.description, code: .documentTooLarge,
                        message: "line of \(length) bytes is larger than the \(options.maximumDocumentBytes)-byte document limit (--max-document-bytes)",
                        source: source))
            case .line(let number, var bytes):
                // A byte-order mark opening the input is not part of the first document.
                if number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }  // blank line: no document
                let source = SourceLocation(path: linesPath, line: number)
                if options.deferParsing { return .jsonLine(bytes: bytes, source: source) }
                return Self.parseLine(bytes, source: source)
            }
        }
    }

    /// Turns one JSON line into a document, or a failure naming file and line.
    public static func parseLine(_ input: [UInt8], source: SourceLocation) -> InputRecord {
        var bytes = input
        let invalid = TextDecoding.repair(&bytes)
        let fallbackID = source.description
        let topLevel: JSONScanner.TopLevel
        do {
            topLevel = try JSONScanner.parse(bytes)
        } catch {
            return .failure(
                DocumentFailure(id: fallbackID, code: .malformedJSON, message: "malformed JSON: \(error)", source: source))
        }
        guard case let .object(members) = topLevel else {
            guard case let .other(kind) = topLevel else { return .failure(DocumentFailure(id: fallbackID, code: .missingText, message: "not a JSON object", source: source)) }
            return .failure(
                DocumentFailure(
                    id: fallbackID, code: .missingText, message: "expected a JSON object with a string \"text\", found a \(kind)",
                    source: source))
        }
        var id: String?
        var text: String?
        var textKind: String?
        var fields: [PassthroughField] = []
        for member in members {
            switch member.key {
            case "id":
                if member.lead == UInt8(ascii: "\"") {
                    id = try? JSONScanner.decodeString(member.raw)
                } else if member.lead != UInt8(ascii: "n") {
                    id = String(decoding: member.raw, as: UTF8.self)
                }
            case "text":
                if member.lead == UInt8(ascii: "\"") {
                    text = try? JSONScanner.decodeString(member.raw)
                    textKind = nil
                } else {
                    text = nil
                    textKind = JSONScanner.kindName(member.lead)
                }
            default:
                fields.append(PassthroughField(name: member.key, rawJSON: Array(member.raw)))
            }
        }
        let documentID = id ?? fallbackID
        guard let text else {
            let message =
                textKind.map { "\"text\" must be a string, found a \($0)" } ?? "the object has no \"text\" field"
            return .failure(DocumentFailure(id: documentID, code: .missingText, message: message, source: source))
        }
        var document = Document(id: documentID, text: text, fields: fields, source: source)
        if invalid > 0 {
            document.warnings.append(
                Diagnostic(
                    code: .invalidUTF8,
                    message: "\(invalid) invalid UTF-8 sequence\(invalid == 1 ? "" : "s") in \(source) replaced by U+FFFD"))
        }
        checkEmpty(&document)
        return .document(document)
    }
}
