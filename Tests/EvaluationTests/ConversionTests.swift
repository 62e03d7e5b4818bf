import GazetteCore
import Testing

@testable import Evaluation

@Suite("Pipeline documents to code points")
struct ConversionTests {
    @Test("Byte ranges become code point spans; relation arguments resolve")
    func converts() throws {
        // "Zoë" is 4 bytes, 3 code points; "“" is 3 bytes, 1 code point.
        var document = Document(id: "d", text: "Zoë met “Anna” in Oslo.")
        let bytes = Array(document.text.utf8)
        func range(of needle: String) -> TextRange {
            let target = Array(needle.utf8)
            let start = (0...(bytes.count - target.count)).first { Array(bytes[$0..<($0 + target.count)]) == target } ?? 0
            return TextRange(start, start + target.count)
        }
        let source = Provenance(stage: "test", rule: "r")
        document.entities = [
            Entity(range: range(of: "Zoë"), label: .person, source: source),
            Entity(range: range(of: "Anna"), label: .person, source: source),
            Entity(range: range(of: "Oslo"), label: .location, subtype: "city", source: source),
        ]
        document.relations = [
            Relation(type: "meet", arguments: [("party1", .entity(0)), ("party2", .entity(1))], source: source)
        ]
        let converted = AnnotatedDocument(document)
        #expect(converted.entities.map(\.span) == [Span(0, 3), Span(9, 13), Span(18, 22)])
        #expect(converted.entities.map { converted.text(of: $0.span) } == ["Zoë", "Anna", "Oslo"])
        #expect(converted.relations.first?.arguments.map(\.span) == [Span(0, 3), Span(9, 13)])
        #expect(converted.relations.first?.arguments.map(\.reference) == ["e1", "e2"])
    }
}
