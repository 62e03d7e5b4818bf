import GazetteCore
import Testing
import Tokenization

@testable import Gazetteer

@Suite("Gazetteer: stage")
struct StageTests {
    static let cases: [(String, [String])] = [
        (
            "the U.S. announced that North Korea has sent 3,000 soldiers to Russia.",
            ["U.S./LOCATION", "North Korea/LOCATION", "Russia/LOCATION"]
        ),
        (
            "Defense Secretary Lloyd Austin told the New York Times that South Korean lawmakers agreed.",
            ["Defense Secretary/TITLE", "Lloyd Austin/PERSON", "New York Times/ORGANIZATION", "South Korean/NATIONALITY"]
        ),
        ("Ukrainian President Volodymyr Zelenskiy’s office", ["Ukrainian/NATIONALITY", "President/TITLE", "Volodymyr Zelenskiy/PERSON"]),
        // lower-case words never match case-insensitive place lists; a title is marked only
        // when it names a person's office (before the name, or in apposition)
        ("a turkey dinner with the president", []),
        // sentence-initial common words: marked common_word, or seen in lower case elsewhere
        ("Mobile phones are cheap. He moved to Mobile last year.", ["Mobile/LOCATION"]),
        ("Turkey is served. We ate turkey.", []),
        ("Turkey said it would respond.", ["Turkey/LOCATION"]),
    ]

    @Test(arguments: cases)
    func entities(text: String, expected: [String]) throws {
        let lexicon = try #require(Fixtures.base)
        #expect(try stageEntities(lexicon, text) == expected)
    }

    @Test func entityCarriesCanonicalSubtypeFeaturesAndSource() throws {
        let lexicon = try #require(Fixtures.base)
        var document = try tokenized("Sanctions on North Korea and on São Paulo.")
        try GazetteerStage(lexicon: lexicon).process(&document)
        let korea = try #require(document.entities.first)
        #expect(korea.label == .location && korea.subtype == "country")
        #expect(korea.canonical == CanonicalReference(name: "North Korea", id: "iso3166:KP"))
        #expect(korea.features == ["capital": "Pyongyang"])
        #expect(korea.source == Provenance(stage: "gazetteer", rule: "lexicon", lexicon: "places/countries.tsv:2"))
        let paulo = try #require(document.entities.last)
        #expect(paulo.features == ["country": "BR"] && paulo.subtype == "city")
        #expect(document.entities.map(\.range) == document.entities.map(\.range).sorted())
    }

    @Test func worldRegionSubtypeComesFromTheEntry() throws {
        let lexicon = try #require(Fixtures.base)
        var document = try tokenized("Talks in the Middle East")
        try GazetteerStage(lexicon: lexicon).process(&document)
        #expect(document.entities.map(\.subtype) == ["world_region"])
        #expect(document.entities.first?.features.isEmpty == true)
    }

    @Test func stageDeclaresItsLayers() throws {
        let lexicon = try #require(Fixtures.base)
        let pipeline = try Pipeline([Tokenizer(), GazetteerStage(lexicon: lexicon)])
        #expect(pipeline.producedLayers.contains(.entities))
        #expect(throws: PipelineError.self) { try Pipeline([GazetteerStage(lexicon: lexicon)]) }
    }
}

@Suite("Gazetteer: bundled surfaces against the tokenizer", .enabled(if: Fixtures.hasBundledLexicons))
struct TokenizerAgreementTests {
    /// Entity-label entries, tokenized by the real Tokenizer inside a sentence, are found as
    /// candidates spanning exactly their surface.
    @Test func bundledSurfacesMatchAsTokenized() throws {
        let lexicon = try #require(Fixtures.bundled).get()
        var misses: [String] = []
        var checked = 0
        for index in stride(from: 0, to: lexicon.entryCount, by: 7) {
            let id = LexiconEntryID(rawValue: UInt32(index))
            guard lexicon.lists[lexicon.listIndex(of: id.rawValue)].label.entityLabel != nil else { continue }
            let entry = lexicon.entry(id)
            let prefix = "Reports say "
            let document = try tokenized(prefix + entry.surface + " today")
            checked += 1
            let start = prefix.utf8.count
            let found = lexicon.candidates(in: document).contains {
                $0.entry == id && $0.range == TextRange(start, start + entry.surface.utf8.count)
            }
            if !found { misses.append("\(entry.location) \(entry.surface)") }
        }
        #expect(checked > 1000)
        // A handful of surfaces cannot match as written (the tokenizer ends a sentence inside them).
        #expect(Double(misses.count) < Double(checked) * 0.002, "\(misses.count) of \(checked): \(misses.prefix(40))")
    }
}
