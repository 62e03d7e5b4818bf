import Testing

@testable import Evaluation

/// The same two documents tagged in IOB1 and in BIO.
enum CoNLLFixtures: String, CaseIterable, CustomTestStringConvertible {
    case iob1Scheme = "IOB1"
    case bioScheme = "BIO"

    var contents: String { self == .iob1Scheme ? Self.iob1 : Self.bio }
    var testDescription: String { rawValue }

    static let iob1 = """
        The O
        Mad I-ORG
        Capsule I-ORG
        Markets I-ORG
        met O
        Anna I-PER
        Berg I-PER
        Olsen B-PER
        in O
        Oslo I-LOC
        . O

        Japanese I-MISC
        fans O
        cheered O

        -DOCSTART- O

        Zoë I-PER
        visited O
        Paris I-LOC
        -DOCSTART- O

        """

    static let bio = """
        The O
        Mad B-ORG
        Capsule I-ORG
        Markets I-ORG
        met O
        Anna B-PER
        Berg I-PER
        Olsen B-PER
        in O
        Oslo B-LOC
        . O

        Japanese B-MISC
        fans O
        cheered O

        -DOCSTART- O

        Zoë B-PER
        visited O
        Paris B-LOC
        -DOCSTART- O

        """
}

@Suite("CoNLL reader")
struct CoNLLReaderTests {
    @Test("IOB1 and BIO decode to the same documents", arguments: CoNLLFixtures.allCases)
    func decodesChunks(_ fixture: CoNLLFixtures) throws {
        let documents = try CoNLLReader().read(contents: fixture.contents, file: "fixture.conll")
        #expect(documents.count == 2)
        let first = try #require(documents.first)
        #expect(first.id == "fixture.conll#1")
        #expect(first.text == "The Mad Capsule Markets met Anna Berg Olsen in Oslo .\nJapanese fans cheered")
        let found = first.entities.map { "\($0.label) \(first.text(of: $0.span))" }
        #expect(found == ["ORGANIZATION Mad Capsule Markets", "PERSON Anna Berg", "PERSON Olsen", "LOCATION Oslo"])
        let second = documents[1]
        #expect(second.text == "Zoë visited Paris")
        #expect(second.entities.map(\.span) == [Span(0, 3), Span(12, 17)])  // code points: "Zoë" is 3
        #expect(second.entities.first?.source == GoldSource(file: "fixture.conll", line: 19))
    }

    @Test("IOB1: B- separates two adjacent chunks of one type; I- after another type starts a chunk")
    func adjacentChunks() throws {
        let text = "Anna I-PER\nBerg I-PER\nOlsen B-PER\nOslo I-PER\nNorway I-LOC\nRiver I-LOC\n"
        let document = try #require(try CoNLLReader().read(contents: text, file: "f").first)
        #expect(document.entities.map { document.text(of: $0.span) } == ["Anna Berg", "Olsen Oslo", "Norway River"])
    }

    @Test("IOBES tags (S-, E-) are read too")
    func iobes() throws {
        let text = "Anna B-PER\nBerg E-PER\nOslo S-LOC\nRiver S-LOC\n"
        let document = try #require(try CoNLLReader().read(contents: text, file: "f").first)
        #expect(document.entities.map { document.text(of: $0.span) } == ["Anna Berg", "Oslo", "River"])
    }

    @Test("Four-column CoNLL-2003 lines: token first, tag last")
    func conll2003Columns() throws {
        let text = "EU NNP B-NP I-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP I-MISC\n"
        let document = try #require(try CoNLLReader().read(contents: text, file: "f").first)
        #expect(document.text == "EU rejects German")
        #expect(document.entities.map(\.label) == ["ORGANIZATION"])
    }

    @Test(
        "Malformed lines name file and line",
        arguments: [
            ("Anna I-PER\nBerg\n", 2, "expected 'token TAG'"),
            ("Anna I-PER\nBerg X-PER\n", 2, "is not O"),
            ("Anna I-PER\n\nBerg I-GPE\n", 3, "unknown label 'GPE'"),
        ])
    func malformed(_ text: String, _ line: Int, _ fragment: String) {
        do {
            _ = try CoNLLReader().read(contents: text, file: "bad.conll")
            Issue.record("expected an error")
        } catch let .malformedLine(file, errorLine, reason) {
            #expect(file == "bad.conll")
            #expect(errorLine == line)
            #expect(reason.contains(fragment))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

@Suite("Gazette JSON lines reader")
struct GazetteJSONLReaderTests {
    static let lines = """
        {"id": "d1", "text": "Zoë met “Anna” in Oslo.", "topic": "x", "entities": [{"id": "e1", "start": 0, "end": 3, "text": "Zoë", "label": "PERSON"}, {"id": "e2", "start": 9, "end": 13, "text": "Anna", "label": "PERSON"}, {"id": "e3", "start": 18, "end": 22, "text": "Oslo", "label": "LOCATION", "subtype": "city"}], "quantities": [], "relations": [{"id": "r1", "type": "meet", "args": {"party1": "e1", "party2": "e2"}}, {"id": "r2", "type": "located_in", "args": {"entity": "e1", "place": "e9"}}]}

        {"id": "d2", "text": "It cost $5 million.", "quantities": [{"id": "q1", "start": 8, "end": 18, "text": "$5 million", "kind": "money", "value": "5000000", "unit": "USD"}]}
        """

    @Test("Reads code point offsets, labels, quantities and resolves relation arguments")
    func reads() throws {
        let documents = try GazetteJSONLReader().read(jsonLines: Self.lines, file: "gold.jsonl")
        #expect(documents.map(\.id) == ["d1", "d2"])
        let first = documents[0]
        #expect(first.entities.map { first.text(of: $0.span) } == ["Zoë", "Anna", "Oslo"])
        #expect(first.entities[2].subtype == "city")
        #expect(first.relations[0].label == "meet")
        #expect(first.relations[0].arguments.map(\.span) == [Span(0, 3), Span(9, 13)])
        #expect(first.relations[1].isResolved == false)
        #expect(first.source == GoldSource(file: "gold.jsonl", line: 1))
        #expect(documents[1].source == GoldSource(file: "gold.jsonl", line: 3))
        #expect(documents[1].quantities.first?.value == "5000000")
        #expect(documents[1].quantities.first?.unit == "USD")
    }

    @Test("Error records: rejected in gold, accepted (as failures) in predictions")
    func errorRecords() throws {
        let line = #"{"id": "d9", "error": {"code": "stage-failed", "message": "boom"}}"#
        #expect(throws: EvaluationError.malformedLine(file: "g", line: 1, reason: "an error record, not a gold document")) {
            try GazetteJSONLReader().read(jsonLines: line, file: "g")
        }
        let documents = try GazetteJSONLReader(acceptsErrorRecords: true).read(jsonLines: line, file: "p")
        #expect(documents.first?.failure == "stage-failed: boom")
    }

    @Test(
        "Malformed lines name file, line and what is wrong",
        arguments: [
            (#"{"id": "a", "text": "x"}"# + "\n" + #"{"id": "b", "text": "#, 2, "not valid JSON"),
            (#"{"id": "a"}"#, 1, "no \"text\""),
            (#"{"id": "a", "text": "abc", "entities": [{"start": 1, "end": 9, "label": "PERSON"}]}"#, 1, "outside the text"),
            (#"{"id": "a", "text": "abc", "entities": [{"start": "1", "end": 2, "label": "PERSON"}]}"#, 1, "entities[0].start"),
        ])
    func malformed(_ text: String, _ line: Int, _ fragment: String) {
        do {
            _ = try GazetteJSONLReader().read(jsonLines: text, file: "bad.jsonl")
            Issue.record("expected an error")
        } catch let .malformedLine(file, errorLine, reason) {
            #expect(file == "bad.jsonl")
            #expect(errorLine == line)
            #expect(reason.contains(fragment), "\(reason)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

@Suite("re3d reader")
struct Re3dReaderTests {
    static let documents = """
        { "_id" : "D1", "title" : "t", "text" : "The Kurdish YPG met Gen. Ann Lee in Raqqa on Monday, with $3 million." }
        { "_id" : "D2", "text" : "Nothing here." }
        """
    static let entities = """
        { "_id" : "D1-a", "begin" : 0, "end" : 15, "type" : "Organisation", "value" : "The Kurdish YPG", "documentId" : "D1", "confidence" : 1 }
        { "_id" : "D1-b", "begin" : 4, "end" : 11, "type" : "Nationality", "value" : "Kurdish", "documentId" : "D1", "confidence" : 1 }
        { "_id" : "D1-c", "begin" : 20, "end" : 32, "type" : "Person", "value" : "Gen. Ann Lee", "documentId" : "D1", "confidence" : 0.9 }
        { "_id" : "D1-d", "begin" : 36, "end" : 41, "type" : "Location", "value" : "Raqqa", "documentId" : "D1", "confidence" : 1 }
        { "_id" : "D1-e", "begin" : 45, "end" : 51, "type" : "Temporal", "value" : "Monday", "documentId" : "D1", "confidence" : 1 }
        { "_id" : "D1-f", "begin" : 58, "end" : 68, "type" : "Money", "value" : "$3 million", "documentId" : "D1", "confidence" : 1 }
        """
    static let relations = """
        { "_id" : "D1-r", "begin" : 33, "end" : 35, "sourceBegin" : 20, "sourceEnd" : 32, "source" : "Gen. Ann Lee", "targetBegin" : 36, "targetEnd" : 41, "target" : "Raqqa", "type" : "CoLocated", "value" : "in", "documentId" : "D1", "confidence" : 1 }
        """

    @Test("Maps re3d types through the table; Temporal is dropped, Money is a quantity")
    func reads() throws {
        let result = try Re3dReader().read(documents: Self.documents, entities: Self.entities, relations: Self.relations, name: "src")
        #expect(result.documents.map(\.id) == ["D1", "D2"])
        let document = result.documents[0]
        #expect(document.entities.map(\.label) == ["ORGANIZATION", "NATIONALITY", "PERSON", "LOCATION"])
        #expect(document.entities.map { document.text(of: $0.span) } == ["The Kurdish YPG", "Kurdish", "Gen. Ann Lee", "Raqqa"])
        #expect(document.quantities.map(\.kind) == ["money"])
        #expect(document.relations.isEmpty)
        #expect(result.unmappedRelations == ["CoLocated": 1])
        #expect(document.entities[2].source == GoldSource(file: "src/entities.json", line: 3))
    }

    @Test("A mapped relation type becomes a Gazette relation with roles")
    func mappedRelations() throws {
        var map = LabelMap.re3d
        map.relations["CoLocated"] = RelationTarget(type: "located_in", sourceRole: "entity", targetRole: "place")
        let result = try Re3dReader(labelMap: map).read(
            documents: Self.documents, entities: Self.entities, relations: Self.relations, name: "src")
        let relation = try #require(result.documents[0].relations.first)
        #expect(relation.type == "located_in")
        #expect(relation.arguments.map(\.role) == ["entity", "place"])
        #expect(relation.arguments.map(\.span) == [Span(20, 32), Span(36, 41)])
    }

    @Test("Unknown types and bad offsets name the file and line")
    func malformed() {
        let unknown = #"{ "_id" : "x", "begin" : 0, "end" : 3, "type" : "Spaceship", "documentId" : "D1" }"#
        do {
            _ = try Re3dReader().read(documents: Self.documents, entities: unknown, name: "src")
            Issue.record("expected an error")
        } catch let .malformedLine(file, line, reason) {
            #expect(file == "src/entities.json" && line == 1)
            #expect(reason.contains("unknown re3d type 'Spaceship'"))
        } catch {
            Issue.record("unexpected \(error)")
        }
        let outside = #"{ "_id" : "x", "begin" : 5, "end" : 300, "type" : "Person", "documentId" : "D2" }"#
        #expect(throws: EvaluationError.self) {
            try Re3dReader().read(documents: Self.documents, entities: outside, name: "src")
        }
    }
}
