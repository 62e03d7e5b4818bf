import GazetteCore
import Relations
import Testing

/// Stage-level properties: seed frame details, deterministic order, evidence and provenance.
@Suite("Relations stage")
struct RelationStageTests {
    @Test("The seed frame carries trigger, lemma, evidence, sentence and rule")
    func seedFrame() throws {
        let marked = try MarkedText(
            "Intelligence shows that [[North Korea|LOCATION/country|North Korea|iso3166:KP]] has sent {{3,000|cardinal|soldier}} soldiers to [[Russia|LOCATION/country|Russia|iso3166:RU]]. Nothing else.")
        let document = marked.document
        let frame = try #require(document.relations.first { $0.type == "deploy" })
        #expect(frame.arguments.map(\.role) == ["agent", "theme", "destination"])
        #expect(frame.arguments.map(\.reference) == [.entity(0), .quantity(0), .entity(1)])
        let trigger = try #require(frame.trigger)
        #expect(trigger.lemma == "send")
        #expect(document.text(of: trigger.range) == "sent")
        #expect(frame.sentence == 0)
        #expect(frame.source.stage == "relations")
        #expect(frame.source.rule == "active-svo")
        let evidence = try #require(frame.evidence)
        #expect(document.text(of: evidence) == "North Korea has sent 3,000 soldiers to Russia")
    }

    @Test("Relations are ordered by evidence start and identical across runs")
    func deterministicOrder() throws {
        let text = "[[Lloyd Austin|PERSON]] met [[Kaja Kallas|PERSON]]. [[Defense Secretary|TITLE/political]] [[Lloyd Austin|PERSON]] and [[Austin|PERSON|Lloyd Austin]] spoke."
        let first = try MarkedText(text).document.relations
        let second = try MarkedText(text).document.relations
        #expect(first == second)
        let starts = first.compactMap { $0.evidence?.start }
        #expect(starts == starts.sorted())
    }

    @Test("A document without entities gets no relations")
    func empty() throws {
        let marked = try MarkedText("Nothing is named here. Troops were sent.")
        #expect(marked.document.relations.isEmpty)
    }

    @Test("The stage declares its layers")
    func layers() throws {
        let stage = try OracleCorpus.stage.get()
        #expect(stage.name == "relations")
        #expect(stage.produces == [.relations])
        #expect(stage.requires == [.sentences, .tokens, .entities])
    }

    @Test("The trigger lexicon lists lemmas with their inflections")
    func lexicon() throws {
        let resources = try OracleCorpus.stage.get().resources
        #expect(resources.triggers["sent"]?.lemma == "send")
        #expect(resources.triggers["struck"]?.type == "attack")
        #expect(resources.triggers["held talks"]?.lemma == "hold talks")
        #expect(resources.triggers["launched"]?.objectPreposition == "at")
    }
}
