import Foundation

/// Reads re3d gold data: a source folder holding `documents.json`, `entities.json` and
/// `relations.json` (mongoexport JSON lines; `begin`/`end` are code point offsets into the
/// document's `text`), or a folder of such source folders (read in sorted order).
///
/// Entity types go through `LabelMap.re3d`; an unknown type is an error. Relations whose type the
/// table does not map are counted in `unmappedRelations` and not scored.
public struct Re3dReader: Sendable {
    /// The label table.
    public var labelMap: LabelMap

    /// Creates a reader.
    public init(labelMap: LabelMap = .re3d) {
        self.labelMap = labelMap
    }

    /// What a read yields.
    public struct Result: Sendable {
        /// The documents, in file order, source folder by source folder.
        public var documents: [AnnotatedDocument]
        /// Gold relations per re3d type that `labelMap` does not map (not scored).
        public var unmappedRelations: [String: Int]
    }

    /// The source folders under `path`: `path` itself when it holds `documents.json`, else its
    /// sub-folders that do, sorted by name.
    public static func sourceFolders(in path: String) -> [String] {
        let manager = FileManager.default
        let url = URL(fileURLWithPath: path)
        if manager.fileExists(atPath: url.appendingPathComponent("documents.json").path) { return [path] }
        let children = (try? manager.contentsOfDirectory(atPath: path)) ?? []
        return children.sorted().map { url.appendingPathComponent($0).path }.filter {
            manager.fileExists(atPath: URL(fileURLWithPath: $0).appendingPathComponent("documents.json").path)
        }
    }

    /// Reads every source folder under `path`.
    public func read(path: String) throws(EvaluationError) -> Result {
        let folders = Self.sourceFolders(in: path)
        guard !folders.isEmpty else { throw .unreadable(path: path, reason: "no documents.json here or one folder down") }
        var result = Result(documents: [], unmappedRelations: [:])
        for folder in folders {
            let base = URL(fileURLWithPath: folder)
            let part = try read(
                documents: TextFile(path: base.appendingPathComponent("documents.json").path),
                entities: TextFile(path: base.appendingPathComponent("entities.json").path),
                relations: optionalFile(base.appendingPathComponent("relations.json").path))
            result.documents += part.documents
            result.unmappedRelations.merge(part.unmappedRelations, uniquingKeysWith: +)
        }
        return result
    }

    /// Reads one source from its three files' contents (`name` prefixes the file names in errors).
    public func read(documents: String, entities: String, relations: String = "", name: String) throws(EvaluationError) -> Result {
        try read(
            documents: TextFile(path: "\(name)/documents.json", contents: documents),
            entities: TextFile(path: "\(name)/entities.json", contents: entities),
            relations: TextFile(path: "\(name)/relations.json", contents: relations))
    }

    private func optionalFile(_ path: String) throws(EvaluationError) -> TextFile {
        FileManager.default.fileExists(atPath: path) ? try TextFile(path: path) : TextFile(path: path, contents: "")
    }

    private func read(documents: TextFile, entities: TextFile, relations: TextFile) throws(EvaluationError) -> Result {
        var order: [String] = []
        var texts: [String: (text: String, length: Int, line: Int)] = [:]
        for (number, line) in documents.nonBlankLines {
            let record = try documents.decode(DocumentRecord.self, line: number, text: line)
            guard texts[record._id] == nil else {
                throw .malformedLine(file: documents.path, line: number, reason: "document \(record._id) appears twice")
            }
            order.append(record._id)
            texts[record._id] = (record.text, record.text.unicodeScalars.count, number)
        }
        var entityLists: [String: [EntityMention]] = [:]
        var quantityLists: [String: [QuantityMention]] = [:]
        for (number, line) in entities.nonBlankLines {
            let record = try entities.decode(EntityRecord.self, line: number, text: line)
            let source = GoldSource(file: entities.path, line: number)
            guard let document = texts[record.documentId] else {
                throw .malformedLine(file: entities.path, line: number, reason: "unknown documentId \(record.documentId)")
            }
            guard 0 <= record.begin, record.begin <= record.end, record.end <= document.length else {
                throw .malformedLine(
                    file: entities.path, line: number,
                    reason: "span [\(record.begin),\(record.end)) is outside the text (\(document.length) code points)")
            }
            guard let target = labelMap.labels[record.type] else {
                throw .malformedLine(
                    file: entities.path, line: number,
                    reason: "unknown re3d type '\(record.type)' (known: \(labelMap.knownLabels.joined(separator: ", ")))")
            }
            let span = Span(record.begin, record.end)
            switch target {
            case let .entity(label):
                entityLists[record.documentId, default: []].append(
                    EntityMention(span: span, label: label, id: record._id, text: record.value, source: source))
            case let .quantity(kind):
                quantityLists[record.documentId, default: []].append(
                    QuantityMention(span: span, kind: kind, id: record._id, text: record.value, source: source))
            case .ignored:
                break
            }
        }
        var relationLists: [String: [RelationMention]] = [:]
        var unmapped: [String: Int] = [:]
        for (number, line) in relations.nonBlankLines {
            let record = try relations.decode(RelationRecord.self, line: number, text: line)
            guard let document = texts[record.documentId] else {
                throw .malformedLine(file: relations.path, line: number, reason: "unknown documentId \(record.documentId)")
            }
            for (begin, end) in [(record.sourceBegin, record.sourceEnd), (record.targetBegin, record.targetEnd)]
            where !(0 <= begin && begin <= end && end <= document.length) {
                throw .malformedLine(
                    file: relations.path, line: number,
                    reason: "argument [\(begin),\(end)) is outside the text (\(document.length) code points)")
            }
            guard let target = labelMap.relations[record.type] else {
                unmapped[record.type, default: 0] += 1
                continue
            }
            relationLists[record.documentId, default: []].append(RelationMention(
                type: target.type, kind: target.kind,
                arguments: [
                    RelationArgument(
                        role: target.sourceRole, reference: record.source ?? "", span: Span(record.sourceBegin, record.sourceEnd)),
                    RelationArgument(
                        role: target.targetRole, reference: record.target ?? "", span: Span(record.targetBegin, record.targetEnd)),
                ],
                id: record._id, source: GoldSource(file: relations.path, line: number)))
        }
        let result = order.compactMap { id -> AnnotatedDocument? in
            guard let document = texts[id] else { return nil }
            return AnnotatedDocument(
                id: id, text: document.text,
                entities: (entityLists[id] ?? []).sorted { $0.span < $1.span },
                quantities: (quantityLists[id] ?? []).sorted { $0.span < $1.span },
                relations: relationLists[id] ?? [],
                source: GoldSource(file: documents.path, line: document.line))
        }
        return Result(documents: result, unmappedRelations: unmapped)
    }

    struct DocumentRecord: Decodable {
        var _id: String
        var text: String
    }

    struct EntityRecord: Decodable {
        var _id: String?
        var documentId: String
        var begin: Int
        var end: Int
        var type: String
        var value: String?
    }

    struct RelationRecord: Decodable {
        var _id: String?
        var documentId: String
        var type: String
        var sourceBegin: Int
        var sourceEnd: Int
        var source: String?
        var targetBegin: Int
        var targetEnd: Int
        var target: String?
    }
}
