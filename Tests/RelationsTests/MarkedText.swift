import GazetteCore
import Relations
import Tokenization

/// A test document written with inline marks: `[[Lloyd Austin|PERSON]]`,
/// `[[U.S.|LOCATION/country|United States|iso3166:US]]` (label/subtype, canonical name, id) and
/// `{{3,000|cardinal|soldier}}` (quantity kind, counted lemma). The stage runs on it and the
/// relations come back as readable lines: `has_title person=Lloyd Austin title=Defense Secretary of=U.S.`.
struct MarkedText {
    let document: Document

    init(_ marked: String) throws {
        var text = ""
        var entities: [Entity] = []
        var quantities: [Quantity] = []
        var rest = Substring(marked)
        while let open = rest.firstIndex(where: { $0 == "[" || $0 == "{" }) {
            let isEntity = rest[open] == "["
            let opener = isEntity ? "[[" : "{{"
            let closer = isEntity ? "]]" : "}}"
            guard rest[open...].hasPrefix(opener), let close = rest[open...].range(of: closer) else {
                text += rest[...open]
                rest = rest[rest.index(after: open)...]
                continue
            }
            text += rest[..<open]
            let body = rest[rest.index(open, offsetBy: 2)..<close.lowerBound]
            let parts = body.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            let start = text.utf8.count
            text += parts[0]
            let range = TextRange(start, text.utf8.count)
            if isEntity {
                let labelParts = parts[1].split(separator: "/").map(String.init)
                let label = EntityLabel(rawValue: labelParts[0]) ?? .organization
                let canonical = parts.count > 2
                    ? CanonicalReference(name: parts[2], id: parts.count > 3 ? parts[3] : nil)
                    : CanonicalReference(name: parts[0])
                entities.append(
                    Entity(
                        range: range, label: label, subtype: labelParts.count > 1 ? labelParts[1] : nil,
                        canonical: canonical, source: Provenance(stage: "test", rule: "test")))
            } else {
                let kind = QuantityKind(rawValue: parts.count > 1 ? parts[1] : "cardinal") ?? .cardinal
                var counted: CountedNoun?
                if parts.count > 2 {
                    // The counted noun is the next word after the quantity.
                    let after = rest[close.upperBound...].drop { $0 == " " }
                    let noun = after.prefix { $0.isLetter }
                    let nounStart = text.utf8.count + (rest[close.upperBound...].count - after.count)
                    counted = CountedNoun(range: TextRange(nounStart, nounStart + noun.utf8.count), lemma: parts[2])
                }
                quantities.append(
                    Quantity(range: range, kind: kind, value: nil, counted: counted, source: Provenance(stage: "test", rule: "test")))
            }
            rest = rest[close.upperBound...]
        }
        text += rest
        var document = Document(id: "test", text: text)
        document.entities = entities
        document.quantities = quantities
        try Tokenizer().process(&document)
        try OracleCorpus.stage.get().process(&document)
        self.document = document
    }

    /// The relations as lines: type(:kind) [trigger lemma] role=text ... (roles in the stage's order).
    var lines: [String] {
        document.relations.map { relation in
            var line = relation.type
            if let kind = relation.kind { line += ":" + kind }
            if let trigger = relation.trigger { line += " [\(trigger.lemma)]" }
            for argument in relation.arguments {
                line += " \(argument.role)=\(text(of: argument.reference))"
            }
            return line
        }
    }

    /// The relations of one type, as lines.
    func lines(_ type: String) -> [String] {
        lines.filter { $0.hasPrefix(type + " ") || $0.hasPrefix(type + ":") || $0 == type }
    }

    private func text(of reference: AnnotationReference) -> String {
        switch reference {
        case let .entity(index): return document.text(of: document.entities[index].range)
        case let .quantity(index): return document.text(of: document.quantities[index].range)
        }
    }
}
