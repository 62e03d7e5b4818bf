import GazetteCore
import GazetteIO

extension AnnotatedDocument {
    /// Converts a pipeline document (UTF-8 byte ranges) into evaluation form (code point spans,
    /// converted with `OffsetMap` exactly as the JSON output does). Relation arguments resolve to
    /// the spans of the entities and quantities they point at.
    public init(_ document: Document) {
        let map = document.withUTF8 { OffsetMap($0) }
        func span(_ range: TextRange) -> Span { Span(map.codePoint(range.start), map.codePoint(range.end)) }
        let entities = document.entities.enumerated().map { index, entity in
            EntityMention(
                span: span(entity.range), label: entity.label.rawValue, id: "e\(index + 1)",
                text: document.text(of: entity.range), subtype: entity.subtype)
        }
        let quantities = document.quantities.enumerated().map { index, quantity in
            QuantityMention(
                span: span(quantity.range), kind: quantity.kind.rawValue, value: quantity.value, unit: quantity.unit,
                id: "q\(index + 1)", text: document.text(of: quantity.range))
        }
        let relations = document.relations.enumerated().map { index, relation in
            RelationMention(
                type: relation.type, kind: relation.kind,
                arguments: relation.arguments.map { argument in
                    switch argument.reference {
                    case let .entity(position):
                        return RelationArgument(
                            role: argument.role, reference: "e\(position + 1)",
                            span: entities.indices.contains(position) ? entities[position].span : nil)
                    case let .quantity(position):
                        return RelationArgument(
                            role: argument.role, reference: "q\(position + 1)",
                            span: quantities.indices.contains(position) ? quantities[position].span : nil)
                    }
                },
                id: "r\(index + 1)")
        }
        self.init(id: document.id, text: document.text, entities: entities, quantities: quantities, relations: relations)
    }
}
