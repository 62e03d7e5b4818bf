import Foundation

/// A problem in a gold file, named by file, line and span.
public struct GoldIssue: Hashable, Sendable, CustomStringConvertible {
    /// Where: file and line.
    public var source: GoldSource?
    /// The document's ID.
    public var document: String
    /// What is wrong, naming the annotation and its span.
    public var message: String

    /// Creates an issue.
    public init(source: GoldSource?, document: String, message: String) {
        self.source = source
        self.document = document
        self.message = message
    }

    /// `file:line: document ID: message`.
    public var description: String {
        "\(source?.description ?? "?"): document \(document): \(message)"
    }
}

/// Checks gold documents themselves: every span's recorded text equals `text[start:end]` in code
/// points, labels (and quantity kinds, relation types) are known to the format's table, no span
/// is annotated twice (entities and quantities together), spans are not empty, relation
/// arguments resolve, and document IDs are unique.
public struct GoldValidator: Sendable {
    /// The table labels are checked against.
    public var labelMap: LabelMap
    /// Quantity kinds accepted (nil: any).
    public var quantityKinds: Set<String>?

    /// Creates a validator; the defaults check Gazette JSON lines.
    public init(labelMap: LabelMap = .gazette, quantityKinds: Set<String>? = Set(LabelMap.gazetteQuantityKinds)) {
        self.labelMap = labelMap
        self.quantityKinds = quantityKinds
    }

    /// Every issue found, in document order.
    public func validate(_ documents: [AnnotatedDocument]) -> [GoldIssue] {
        var issues: [GoldIssue] = []
        var ids: [String: GoldSource?] = [:]
        for document in documents {
            if let first = ids[document.id] {
                issues.append(GoldIssue(
                    source: document.source, document: document.id,
                    message: "duplicate document ID (first at \(first?.description ?? "?"))"))
            } else {
                ids[document.id] = document.source
            }
            issues += validate(document)
        }
        return issues
    }

    /// The issues of one document.
    public func validate(_ document: AnnotatedDocument) -> [GoldIssue] {
        var issues: [GoldIssue] = []
        let scalars = Array(document.text.unicodeScalars)
        func slice(_ span: Span) -> String {
            let lower = max(0, min(span.start, scalars.count))
            let upper = max(lower, min(span.end, scalars.count))
            var result = String.UnicodeScalarView()
            result.append(contentsOf: scalars[lower..<upper])
            return String(result)
        }
        func report(_ source: GoldSource?, _ message: String) {
            issues.append(GoldIssue(source: source ?? document.source, document: document.id, message: message))
        }
        var seen: [Span: String] = [:]
        func checkSpan(_ span: Span, recorded: String?, what: String, source: GoldSource?) {
            if span.end > scalars.count {
                report(source, "\(what) \(span) is outside the text (\(scalars.count) code points)")
                return
            }
            if span.length == 0 { report(source, "\(what) \(span) is empty") }
            if let recorded, slice(span) != recorded {
                report(source, "\(what) \(span): text is \(quoted(slice(span))), not \(quoted(recorded))")
            }
            if let other = seen[span] {
                report(source, "\(what) \(span) \(quoted(slice(span))): duplicate span (also \(other))")
            } else {
                seen[span] = what
            }
        }
        for entity in document.entities {
            let what = "entity \(entity.id ?? "?") \(entity.label)"
            checkSpan(entity.span, recorded: entity.text, what: what, source: entity.source)
            if labelMap.labels[entity.label] == nil {
                report(entity.source, "\(what) \(entity.span) \(quoted(slice(entity.span))): unknown label \(entity.label)")
            }
        }
        for quantity in document.quantities {
            let what = "quantity \(quantity.id ?? "?") \(quantity.kind ?? "-")"
            checkSpan(quantity.span, recorded: quantity.text, what: what, source: quantity.source)
            if let quantityKinds, !quantityKinds.contains(quantity.kind ?? "") {
                report(quantity.source, "\(what) \(quantity.span) \(quoted(slice(quantity.span))): unknown kind \(quantity.kind ?? "(none)")")
            }
        }
        var relationKeys: [String: String] = [:]
        for relation in document.relations {
            let what = "relation \(relation.id ?? "?") \(relation.label)"
            if labelMap.relations[relation.type] == nil {
                report(relation.source, "\(what): unknown relation type \(relation.type)")
            }
            for argument in relation.arguments where argument.span == nil {
                report(relation.source, "\(what): argument \(argument.role)=\(argument.reference) does not resolve")
            }
            let key = relation.label + relation.arguments.map { "|\($0.role)=\($0.span?.description ?? $0.reference)" }.joined()
            if let other = relationKeys[key] {
                report(relation.source, "\(what): duplicate relation (also \(other))")
            } else {
                relationKeys[key] = relation.id ?? "?"
            }
        }
        return issues
    }

    private func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}
