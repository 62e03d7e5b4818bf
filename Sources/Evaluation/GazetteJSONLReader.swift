/// Reads Gazette JSON lines (the output schema): gold files such as `Corpus/news.jsonl`, and
/// prediction files written by `gazette annotate`. Offsets are code points.
///
/// Structural problems (not JSON, no text, offsets outside the text, a field of the wrong type)
/// throw `EvaluationError.malformedLine`; content problems (unknown labels, span text that does
/// not match, duplicates, unresolved relation arguments) are left to `GoldValidator`.
public struct GazetteJSONLReader: Sendable {
    /// Whether `{"id": ..., "error": {...}}` records are accepted (prediction files) or rejected
    /// (gold files).
    public var acceptsErrorRecords: Bool

    /// Creates a reader.
    public init(acceptsErrorRecords: Bool = false) {
        self.acceptsErrorRecords = acceptsErrorRecords
    }

    /// Reads every document of a file.
    public func read(path: String) throws(EvaluationError) -> [AnnotatedDocument] {
        try read(TextFile(path: path))
    }

    /// Reads documents from JSON lines held in memory (`file` names them in errors).
    public func read(jsonLines: String, file: String) throws(EvaluationError) -> [AnnotatedDocument] {
        try read(TextFile(path: file, contents: jsonLines))
    }

    private func read(_ file: TextFile) throws(EvaluationError) -> [AnnotatedDocument] {
        var documents: [AnnotatedDocument] = []
        for (number, line) in file.nonBlankLines {
            documents.append(try document(file.decode(Record.self, line: number, text: line), file: file.path, line: number))
        }
        return documents
    }

    private func document(_ record: Record, file: String, line: Int) throws(EvaluationError) -> AnnotatedDocument {
        let source = GoldSource(file: file, line: line)
        let id = record.id ?? source.description
        guard let text = record.text else {
            if let error = record.error {
                guard acceptsErrorRecords else {
                    throw .malformedLine(file: file, line: line, reason: "an error record, not a gold document")
                }
                let message = [error.code, error.message].compactMap { $0 }.joined(separator: ": ")
                return AnnotatedDocument(id: id, text: "", source: source, failure: message.isEmpty ? "error" : message)
            }
            throw .malformedLine(file: file, line: line, reason: "no \"text\"")
        }
        let count = text.unicodeScalars.count
        func check(_ start: Int, _ end: Int, _ what: String) throws(EvaluationError) -> Span {
            guard 0 <= start, start <= end, end <= count else {
                throw .malformedLine(
                    file: file, line: line,
                    reason: "document \(id): \(what) [\(start),\(end)) is outside the text (\(count) code points)")
            }
            return Span(start, end)
        }
        var entities: [EntityMention] = []
        for (index, entity) in (record.entities ?? []).enumerated() {
            let id = entity.id ?? "e\(index + 1)"
            let span = try check(entity.start, entity.end, "entity \(id)")
            entities.append(EntityMention(
                span: span, label: entity.label, id: id, text: entity.text, subtype: entity.subtype, source: source))
        }
        var quantities: [QuantityMention] = []
        for (index, quantity) in (record.quantities ?? []).enumerated() {
            let id = quantity.id ?? "q\(index + 1)"
            let span = try check(quantity.start, quantity.end, "quantity \(id)")
            quantities.append(QuantityMention(
                span: span, kind: quantity.kind, value: quantity.value, unit: quantity.unit, id: id,
                text: quantity.text, source: source))
        }
        var spans: [String: Span] = [:]
        for entity in entities { if let id = entity.id { spans[id] = spans[id] ?? entity.span } }
        for quantity in quantities { if let id = quantity.id { spans[id] = spans[id] ?? quantity.span } }
        let relations = (record.relations ?? []).enumerated().map { index, relation in
            RelationMention(
                type: relation.type, kind: relation.kind,
                arguments: relation.args.map { RelationArgument(role: $0.key, reference: $0.value, span: spans[$0.value]) },
                id: relation.id ?? "r\(index + 1)", source: source)
        }
        return AnnotatedDocument(
            id: id, text: text, entities: entities, quantities: quantities, relations: relations, source: source)
    }

    /// One line of the schema (only what evaluation uses; other fields are ignored).
    struct Record: Decodable {
        var id: String?
        var text: String?
        var entities: [EntityRecord]?
        var quantities: [QuantityRecord]?
        var relations: [RelationRecord]?
        var error: ErrorRecord?
    }

    struct EntityRecord: Decodable {
        var id: String?
        var start: Int
        var end: Int
        var text: String?
        var label: String
        var subtype: String?
    }

    struct QuantityRecord: Decodable {
        var id: String?
        var start: Int
        var end: Int
        var text: String?
        var kind: String?
        var value: String?
        var unit: String?
    }

    struct RelationRecord: Decodable {
        var id: String?
        var type: String
        var kind: String?
        var args: [String: String]
    }

    struct ErrorRecord: Decodable {
        var code: String?
        var message: String?
    }
}
