import Testing

@testable import Evaluation

@Suite("Gold checks")
struct ValidatorTests {
    static let lines = """
        {"id": "ok", "text": "Zoë met Anna.", "entities": [{"id": "e1", "start": 0, "end": 3, "text": "Zoë", "label": "PERSON"}]}
        {"id": "bad", "text": "Zoë met Anna in Oslo.", "entities": [{"id": "e1", "start": 0, "end": 3, "text": "Zoe", "label": "PERSON"}, {"id": "e2", "start": 8, "end": 12, "text": "Anna", "label": "PEOPLE"}, {"id": "e3", "start": 8, "end": 12, "text": "Anna", "label": "PERSON"}], "quantities": [{"id": "q1", "start": 16, "end": 20, "kind": "distance"}], "relations": [{"id": "r1", "type": "meet", "args": {"party1": "e1", "party2": "e7"}}, {"id": "r2", "type": "befriend", "args": {"a": "e1"}}]}
        {"id": "ok", "text": "Again."}
        """

    @Test("Every problem is named with file, line and span")
    func findsProblems() throws {
        let documents = try GazetteJSONLReader().read(jsonLines: Self.lines, file: "gold.jsonl")
        let issues = GoldValidator().validate(documents).map(\.description)
        let expected = [
            #"gold.jsonl:2: document bad: entity e1 PERSON [0,3): text is "Zoë", not "Zoe""#,
            #"gold.jsonl:2: document bad: entity e2 PEOPLE [8,12) "Anna": unknown label PEOPLE"#,
            #"gold.jsonl:2: document bad: entity e3 PERSON [8,12) "Anna": duplicate span (also entity e2 PEOPLE)"#,
            #"gold.jsonl:2: document bad: quantity q1 distance [16,20) "Oslo": unknown kind distance"#,
            "gold.jsonl:2: document bad: relation r1 meet: argument party2=e7 does not resolve",
            "gold.jsonl:2: document bad: relation r2 befriend: unknown relation type befriend",
            "gold.jsonl:3: document ok: duplicate document ID (first at gold.jsonl:1)",
        ]
        #expect(issues == expected)
    }

    @Test("A clean document has no issue")
    func clean() throws {
        let documents = try GazetteJSONLReader().read(jsonLines: String(Self.lines.split(separator: "\n")[0]), file: "g")
        #expect(GoldValidator().validate(documents).isEmpty)
    }
}

@Suite("Thresholds")
struct ThresholdsTests {
    static let file = """
        # set\tmetric\tfloor
        wikigold\tentities.exact.f1\t0.50

        wikigold\tentities.PERSON.exact.f1\t0.60
        wikigold\tentities.exact.f2\t0.00
        """

    static func report(exact: Int, gold: Int) -> EvaluationReport {
        let row = LabelScore(label: "PERSON", gold: gold, predicted: gold, exactMatches: exact, overlapGoldFound: exact, overlapPredictedCorrect: exact)
        return EvaluationReport(gold: "g", format: .conll, documents: 1, entityLabels: ["PERSON"], entities: ScoreTable(labels: [row]))
    }

    @Test("Floors are read and checked; an unknown metric fails")
    func checks() throws {
        let thresholds = try Thresholds(contents: Self.file, file: "thresholds.tsv")
        #expect(thresholds.floors.count == 3)
        #expect(thresholds.floors(for: "re3d").isEmpty)
        let failures = thresholds.check(Self.report(exact: 55, gold: 100), set: "wikigold")
        #expect(failures == [
            "thresholds.tsv:4: wikigold entities.PERSON.exact.f1 = 0.5500, below its floor 0.6000",
            "thresholds.tsv:5: wikigold has no metric entities.exact.f2",
        ])
        // Exactly at the floor passes.
        let atFloor = try Thresholds(contents: "s\tentities.exact.f1\t0.53\n", file: "t")
        #expect(atFloor.check(Self.report(exact: 53, gold: 100), set: "s").isEmpty)
    }

    @Test("Malformed lines name file and line")
    func malformed() {
        #expect(throws: EvaluationError.malformedLine(file: "t", line: 2, reason: "expected 'set<TAB>metric<TAB>floor' with a floor in 0...1")) {
            try Thresholds(contents: "# c\nwikigold entities.exact.f1 0.5\n", file: "t")
        }
    }
}
