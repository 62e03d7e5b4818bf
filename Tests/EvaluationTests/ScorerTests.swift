import Testing

@testable import Evaluation

/// Builds a gold corpus in Gazette format from documents.
func corpus(_ documents: [AnnotatedDocument], format: GoldFormat = .gazette) -> GoldCorpus {
    switch format {
    case .gazette:
        return GoldCorpus(
            path: "test", format: .gazette, documents: documents, labelMap: .gazette, scoresQuantities: true,
            scoresQuantityDetails: true, scoresRelations: true)
    case .conll:
        return GoldCorpus(
            path: "test", format: .conll, documents: documents, labelMap: .conll, scoresQuantities: false,
            scoresQuantityDetails: false, scoresRelations: false)
    case .re3d:
        return GoldCorpus(
            path: "test", format: .re3d, documents: documents, labelMap: .re3d, scoresQuantities: true,
            scoresQuantityDetails: false, scoresRelations: false)
    }
}

func entity(_ start: Int, _ end: Int, _ label: String, id: String? = nil) -> EntityMention {
    EntityMention(span: Span(start, end), label: label, id: id)
}

let sampleText = "Anna Berg met the Oslo Board and Acme Corp staff in Norway on Friday."

@Suite("Scorer")
struct ScorerTests {
    /// Gold: PERSON [0,9), ORGANIZATION [14,28) "the Oslo Board", ORGANIZATION [33,42), LOCATION [52,58).
    static let gold = AnnotatedDocument(
        id: "d1", text: sampleText,
        entities: [entity(0, 9, "PERSON"), entity(14, 28, "ORGANIZATION"), entity(33, 42, "ORGANIZATION"), entity(52, 58, "LOCATION")])

    @Test("Exact and overlap P/R/F1, per label and micro, computed by hand")
    func handComputed() throws {
        // Predicted: PERSON exact; ORG [18,28) overlaps "the Oslo Board"; ORG [33,42) exact;
        // LOCATION [18,22) "Oslo" spurious (overlaps nothing of its label); PERSON duplicate counts once.
        let prediction = AnnotatedDocument(
            id: "d1", text: sampleText,
            entities: [entity(0, 9, "PERSON"), entity(0, 9, "PERSON"), entity(18, 28, "ORGANIZATION"),
                       entity(33, 42, "ORGANIZATION"), entity(18, 22, "LOCATION")])
        let report = Evaluator().evaluate(gold: corpus([Self.gold]), predictions: [prediction])
        let micro = report.entities.micro
        #expect(micro.gold == 4 && micro.predicted == 4 && micro.exactMatches == 2)
        #expect(micro.exact.precision == 0.5)
        #expect(micro.exact.recall == 0.5)
        #expect(micro.exact.f1 == 0.5)
        // Overlap: gold found = PERSON, both ORGs = 3 of 4; predictions right = 3 of 4.
        #expect(micro.overlap.recall == 0.75)
        #expect(micro.overlap.precision == 0.75)
        let organization = try #require(report.entities.row("ORGANIZATION"))
        #expect(organization.exact.precision == 0.5 && organization.exact.recall == 0.5)
        #expect(organization.overlap.f1 == 1)
        let location = try #require(report.entities.row("LOCATION"))
        #expect(location.exact.f1 == 0 && location.overlap.f1 == 0)
        // TITLE has no gold and no prediction: a zero row, as every scored label gets one.
        #expect(report.entities.row("TITLE")?.gold == 0)
        #expect(report.metric("entities.exact.f1") == 0.5)
        #expect(report.metric("entities.ORGANIZATION.overlap.f1") == 1)
        #expect(report.metric("entities.overlap.recall") == 0.75)
        #expect(report.metric("entities.bogus.f1") == nil)
    }

    @Test("F1 is the harmonic mean; zero counts give zero, not NaN")
    func prf() {
        let score = PRF(correctPredicted: 2, predicted: 4, foundGold: 2, gold: 3)
        #expect(score.precision == 0.5)
        #expect(abs(score.recall - 2.0 / 3) < 1e-12)
        #expect(abs(score.f1 - 4.0 / 7) < 1e-12)
        let empty = PRF(correctPredicted: 0, predicted: 0, foundGold: 0, gold: 0)
        #expect(empty.precision == 0 && empty.recall == 0 && empty.f1 == 0)
    }

    @Test("Missing, failed and text-mismatched documents count as all-missed")
    func missingDocuments() {
        let second = AnnotatedDocument(id: "d2", text: "Oslo.", entities: [entity(0, 4, "LOCATION")])
        let third = AnnotatedDocument(id: "d3", text: "Bergen.", entities: [entity(0, 6, "LOCATION")])
        let fourth = AnnotatedDocument(id: "d4", text: "Acme.", entities: [entity(0, 4, "ORGANIZATION")])
        let predictions = [
            Self.gold,  // perfect
            AnnotatedDocument(id: "d3", text: "", failure: "stage-failed: boom"),
            AnnotatedDocument(id: "d4", text: "Acme!", entities: [entity(0, 4, "ORGANIZATION")]),
            AnnotatedDocument(id: "extra", text: "x"),
        ]
        let report = Evaluator().evaluate(gold: corpus([Self.gold, second, third, fourth]), predictions: predictions)
        #expect(report.missingDocuments == ["d2"])
        #expect(report.failedDocuments == ["d3"])
        #expect(report.mismatchedDocuments == ["d4"])
        #expect(report.extraDocuments == 1)
        #expect(report.entities.micro.gold == 7)
        #expect(report.entities.micro.exactMatches == 4)
        #expect(report.entities.micro.exact.precision == 1)
        #expect(report.entities.micro.exact.recall == 4.0 / 7)
    }

    @Test("Only the labels the gold format expresses are scored; --labels narrows them")
    func labelSets() {
        let gold = AnnotatedDocument(id: "d", text: sampleText, entities: [entity(0, 9, "PERSON"), entity(52, 58, "LOCATION")])
        let prediction = AnnotatedDocument(
            id: "d", text: sampleText,
            entities: [entity(0, 9, "PERSON"), entity(52, 58, "LOCATION"), entity(60, 66, "TITLE"), entity(52, 58, "NATIONALITY")])
        let report = Evaluator().evaluate(gold: corpus([gold], format: .conll), predictions: [prediction])
        #expect(report.entityLabels == ["LOCATION", "ORGANIZATION", "PERSON"])
        #expect(report.entities.micro.predicted == 2)
        #expect(report.entities.micro.exact.f1 == 1)
        let narrowed = Evaluator(entityLabels: ["PERSON"]).evaluate(gold: corpus([gold], format: .conll), predictions: [prediction])
        #expect(narrowed.entities.labels.map(\.label) == ["PERSON"])
        #expect(narrowed.entities.micro.gold == 1)
    }

    @Test("Quantities: span match, kind rows, value and unit accuracy on matched spans")
    func quantities() throws {
        let text = "It cost $5 million, about 30 km away, in 3 days."
        let gold = AnnotatedDocument(
            id: "q", text: text,
            quantities: [
                QuantityMention(span: Span(8, 18), kind: "money", value: "5000000", unit: "USD"),
                QuantityMention(span: Span(20, 31), kind: "measure", value: "30", unit: "km"),
                QuantityMention(span: Span(41, 47), kind: "measure", value: "3", unit: "d"),
            ])
        let prediction = AnnotatedDocument(
            id: "q", text: text,
            quantities: [
                QuantityMention(span: Span(8, 18), kind: "money", value: "5000000.00", unit: "USD"),
                QuantityMention(span: Span(26, 31), kind: "measure", value: "30", unit: "km"),
                QuantityMention(span: Span(41, 47), kind: "cardinal", value: "4", unit: "h"),
            ])
        let report = Evaluator().evaluate(gold: corpus([gold]), predictions: [prediction])
        let quantities = try #require(report.quantities)
        #expect(quantities.spans.micro.exactMatches == 2)
        #expect(quantities.spans.micro.overlapGoldFound == 3)
        #expect(quantities.kinds?.row("money")?.exact.f1 == 1)
        #expect(quantities.kinds?.row("measure")?.exactMatches == 0)
        #expect(quantities.value == Accuracy(correct: 1, total: 2))
        #expect(quantities.unit == Accuracy(correct: 1, total: 2))
        #expect(quantities.kind == Accuracy(correct: 1, total: 2))
        #expect(report.metric("quantities.exact.recall") == 2.0 / 3)
        #expect(report.metric("quantities.value.accuracy") == 0.5)
        #expect(report.metric("quantities.money.exact.f1") == 1)
    }

    @Test("Relations match on type (and kind) plus every argument's role and span")
    func relations() throws {
        let entities = [entity(0, 9, "PERSON", id: "e1"), entity(33, 42, "ORGANIZATION", id: "e2"), entity(52, 58, "LOCATION", id: "e3")]
        func relation(_ type: String, kind: String? = nil, _ args: [(String, Span)]) -> RelationMention {
            RelationMention(type: type, kind: kind, arguments: args.map { RelationArgument(role: $0.0, reference: "", span: $0.1) })
        }
        let gold = AnnotatedDocument(
            id: "r", text: sampleText, entities: entities,
            relations: [
                relation("member_of", [("member", Span(0, 9)), ("group", Span(33, 42))]),
                relation("located_in", [("entity", Span(33, 42)), ("place", Span(52, 58))]),
                relation("alias", kind: "acronym", [("alias", Span(33, 37)), ("of", Span(33, 42))]),
            ])
        let prediction = AnnotatedDocument(
            id: "r", text: sampleText, entities: entities,
            relations: [
                relation("member_of", [("group", Span(33, 42)), ("member", Span(0, 9))]),  // order does not matter
                relation("located_in", [("entity", Span(33, 42)), ("place", Span(52, 57))]),  // overlap only
                relation("alias", kind: "short_form", [("alias", Span(33, 37)), ("of", Span(33, 42))]),  // wrong kind
            ])
        let report = Evaluator().evaluate(gold: corpus([gold]), predictions: [prediction])
        let relations = try #require(report.relations)
        #expect(relations.micro.exactMatches == 1)
        #expect(relations.row("located_in")?.overlap.f1 == 1)
        #expect(relations.row("alias:acronym")?.exact.recall == 0)
        #expect(relations.row("alias:short_form")?.predicted == 1)
        let spurious = report.discrepancies.filter { $0.layer == "relations" && $0.kind == .spurious }
        #expect(spurious.map(\.label) == ["located_in", "alias:short_form"])
        #expect(spurious.last?.hint == "gold as alias:acronym")
    }

    @Test("Discrepancies carry context and a hint about the other side")
    func discrepancies() throws {
        let prediction = AnnotatedDocument(
            id: "d1", text: sampleText,
            entities: [entity(0, 9, "LOCATION"), entity(18, 28, "ORGANIZATION")])
        let report = Evaluator(contextWidth: 5).evaluate(gold: corpus([Self.gold]), predictions: [prediction])
        let missed = report.discrepancies.filter { $0.kind == .missed }
        #expect(missed.count == 4)
        #expect(missed[0].hint == "predicted as LOCATION")
        #expect(missed[1].text == "the Oslo Board")
        #expect(missed[1].context == "… met [[the Oslo Board]] and …")
        #expect(missed[1].hint == "partial: predicted ORGANIZATION [18,28) \"Oslo Board\"")
        let text = ReportFormatter(errorLimit: 1).text(report)
        #expect(text.contains("missed entities: 1 of 4"))
        #expect(text.contains("spurious entities: 1 of 2"))
    }

    @Test("Decimal values compare exactly, whatever the trailing zeros", arguments: [
        ("3000", "3000"), ("3000.0", "3000"), ("+3000", "3000"), ("0.250", "0.25"), ("-0", "0"), ("007", "7"), ("-1.50", "-1.5"),
    ])
    func decimals(_ input: String, _ canonical: String) {
        #expect(DecimalValue.canonical(input) == canonical)
    }
}
