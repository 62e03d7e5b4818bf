import Foundation

/// Writes documents in evaluation form as Gazette JSON lines (`id`, `text`, `entities`,
/// `quantities`, `relations`, code point offsets), so gold texts from any format can be fed to
/// `gazette annotate` and the result scored with `--pred`.
public enum GoldExport {
    /// One JSON object per document, one line each.
    public static func jsonLines(_ documents: [AnnotatedDocument]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var output = ""
        for document in documents {
            let context = ContextMaker(text: document.text)
            let line = Line(
                id: document.id, text: document.text,
                entities: document.entities.enumerated().map { index, entity in
                    Line.Entity(
                        id: entity.id ?? "e\(index + 1)", start: entity.span.start, end: entity.span.end,
                        text: context.text(of: entity.span), label: entity.label, subtype: entity.subtype)
                },
                quantities: document.quantities.enumerated().map { index, quantity in
                    Line.Quantity(
                        id: quantity.id ?? "q\(index + 1)", start: quantity.span.start, end: quantity.span.end,
                        text: context.text(of: quantity.span), kind: quantity.kind, value: quantity.value, unit: quantity.unit)
                },
                relations: document.relations.enumerated().map { index, relation in
                    Line.Relation(
                        id: relation.id ?? "r\(index + 1)", type: relation.type, kind: relation.kind,
                        args: Dictionary(relation.arguments.map { ($0.role, $0.reference) }, uniquingKeysWith: { first, _ in first }))
                })
            if let data = try? encoder.encode(line) {
                output += String(decoding: data, as: UTF8.self) + "\n"
            }
        }
        return output
    }

    private struct Line: Encodable {
        struct Entity: Encodable {
            var id: String
            var start: Int
            var end: Int
            var text: String
            var label: String
            var subtype: String?
        }

        struct Quantity: Encodable {
            var id: String
            var start: Int
            var end: Int
            var text: String
            var kind: String?
            var value: String?
            var unit: String?
        }

        struct Relation: Encodable {
            var id: String
            var type: String
            var kind: String?
            var args: [String: String]
        }

        var id: String
        var text: String
        var entities: [Entity]
        var quantities: [Quantity]
        var relations: [Relation]
    }
}
