/// Reads CoNLL-style NER files: one `token ... TAG` line per token (the token is the first column,
/// the tag the last), blank lines between sentences, `-DOCSTART-` lines between documents.
///
/// Tags are decoded as conlleval does, which reads IOB1 (`I-` starts a chunk unless it continues
/// one of the same type; `B-` only separates two adjacent chunks of one type), BIO/IOB2 (`B-`
/// starts every chunk) and IOBES (`E-`, `S-`) alike. The text is rebuilt by joining a sentence's
/// tokens with single spaces and sentences with "\n"; offsets are code points into that text.
/// Labels go through `LabelMap.conll`; an unknown label is an error, MISC is dropped.
public struct CoNLLReader: Sendable {
    /// The label table.
    public var labelMap: LabelMap

    /// Creates a reader.
    public init(labelMap: LabelMap = .conll) {
        self.labelMap = labelMap
    }

    /// Reads every document of a file. Documents get IDs `NAME#1`, `NAME#2`, ... (NAME is the file
    /// name without folders).
    public func read(path: String) throws(EvaluationError) -> [AnnotatedDocument] {
        try read(TextFile(path: path))
    }

    /// Reads documents from CoNLL text held in memory (`file` names it in IDs and errors).
    public func read(contents: String, file: String) throws(EvaluationError) -> [AnnotatedDocument] {
        try read(TextFile(path: file, contents: contents))
    }

    private func read(_ file: TextFile) throws(EvaluationError) -> [AnnotatedDocument] {
        let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
        var builder = Builder(file: file.path)
        var documents: [AnnotatedDocument] = []
        func finishDocument() {
            builder.closeChunk()
            if let document = builder.finish(id: "\(name)#\(documents.count + 1)") {
                documents.append(document)
            }
            builder = Builder(file: file.path)
        }
        for (index, line) in file.lines.enumerated() {
            let number = index + 1
            let columns = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if columns.isEmpty {
                builder.endSentence()
                continue
            }
            if columns[0] == "-DOCSTART-" {
                finishDocument()
                continue
            }
            guard columns.count >= 2, let token = columns.first, let tag = columns.last else {
                throw .malformedLine(file: file.path, line: number, reason: "expected 'token TAG', found '\(line)'")
            }
            let (prefix, type, target) = try parse(tag: String(tag), file: file.path, line: number)
            builder.add(token: String(token), prefix: prefix, type: type, target: target, line: number)
        }
        finishDocument()
        return documents
    }

    /// Splits a tag into its prefix ("B", "I", "E", "S", or "O"), its type and the mapped target.
    private func parse(tag: String, file: String, line: Int) throws(EvaluationError) -> (Character, String, LabelTarget) {
        if tag == "O" { return ("O", "O", .ignored) }
        let parts = tag.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, let prefix = parts[0].first, parts[0].count == 1, "BIES".contains(prefix) else {
            throw .malformedLine(file: file, line: line, reason: "tag '\(tag)' is not O, B-X, I-X, E-X or S-X")
        }
        guard let target = labelMap.labels[String(parts[1])] else {
            throw .malformedLine(
                file: file, line: line,
                reason: "unknown label '\(parts[1])' (known: \(labelMap.knownLabels.joined(separator: ", ")))")
        }
        return (prefix, String(parts[1]), target)
    }

    /// Accumulates one document's text and chunks.
    private struct Builder {
        let file: String
        var text = ""
        var position = 0
        var firstLine: Int?
        var sentenceHasTokens = false
        var documentHasSentences = false
        var chunk: (start: Int, end: Int, target: LabelTarget, type: String, line: Int)?
        var entities: [EntityMention] = []
        var quantities: [QuantityMention] = []

        mutating func add(token: String, prefix: Character, type: String, target: LabelTarget, line: Int) {
            if firstLine == nil { firstLine = line }
            if sentenceHasTokens {
                text += " "
                position += 1
            } else if documentHasSentences {
                text += "\n"
                position += 1
            }
            sentenceHasTokens = true
            let start = position
            text += token
            position += token.unicodeScalars.count
            switch prefix {
            case "B", "S":
                closeChunk()
                chunk = (start, position, target, type, line)
            case "I", "E":
                if let open = chunk, open.type == type {
                    chunk = (open.start, position, open.target, type, open.line)
                } else {
                    closeChunk()
                    chunk = (start, position, target, type, line)
                }
            default:
                closeChunk()
            }
            if prefix == "S" || prefix == "E" { closeChunk() }
        }

        mutating func endSentence() {
            closeChunk()
            if sentenceHasTokens { documentHasSentences = true }
            sentenceHasTokens = false
        }

        mutating func closeChunk() {
            guard let open = chunk else { return }
            chunk = nil
            let span = Span(open.start, open.end)
            let source = GoldSource(file: file, line: open.line)
            switch open.target {
            case let .entity(label):
                entities.append(EntityMention(span: span, label: label, id: "e\(entities.count + 1)", source: source))
            case let .quantity(kind):
                quantities.append(QuantityMention(span: span, kind: kind, id: "q\(quantities.count + 1)", source: source))
            case .ignored:
                break
            }
        }

        func finish(id: String) -> AnnotatedDocument? {
            guard let firstLine else { return nil }
            let source = GoldSource(file: file, line: firstLine)
            return AnnotatedDocument(id: id, text: text, entities: entities, quantities: quantities, source: source)
        }
    }
}
