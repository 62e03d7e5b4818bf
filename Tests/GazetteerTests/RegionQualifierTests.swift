import GazetteCore
import Testing
import Tokenization

@testable import Gazetteer

/// Rules `place-region` and `place-before-region`: "Paris, Texas", "near Vermillion, South Dakota".
@Suite("Places qualified by a region or country", .enabled(if: Fixtures.hasBundledLexicons))
struct RegionQualifierTests {
    /// The entities of `text` by their text: (canonical id, rule).
    func links(_ text: String) throws -> [String: (id: String?, rule: String)] {
        guard case let .success(lexicon)? = Fixtures.bundled else { return [:] }
        var document = try tokenized(text)
        try GazetteerStage(lexicon: lexicon).process(&document)
        var found: [String: (id: String?, rule: String)] = [:]
        for entity in document.entities { found[document.text(of: entity.range)] = (entity.canonical?.id, entity.source.rule) }
        return found
    }

    @Test("the region after a comma picks the listed place in it", arguments: [
        // (text, place, its expected id, the region, its expected id)
        ("She grew up in Paris, Texas, before college.", "Paris", "geonames:4717560", "Texas", "iso3166-2:US-TX"),
        ("He moved to Springfield, Illinois, last year.", "Springfield", "geonames:4250542", "Illinois", "iso3166-2:US-IL"),
        ("The plant near Savannah, Georgia, opened.", "Savannah", "geonames:4221552", "Georgia", "iso3166-2:US-GA"),
        ("Scientists in Pasadena, California, said so.", "Pasadena", "geonames:5381396", "California", "iso3166-2:US-CA"),
    ])
    func relinks(_ text: String, _ place: String, _ placeID: String, _ region: String, _ regionID: String) throws {
        let found = try links(text)
        #expect(found[place]?.id == placeID)
        #expect(found[place]?.rule == "place-region")
        #expect(found[region]?.id == regionID)
    }

    @Test("a place already in the region, or with no region after it, keeps its link", arguments: [
        ("Strikes hit Hama, Syria, overnight.", "Hama", "geonames:170017"),
        ("She flew to Paris, France, on Monday.", "Paris", "geonames:2988507"),
        ("She flew to Paris on Monday.", "Paris", "geonames:2988507"),
        ("The talks in Batumi, Georgia, ended.", "Batumi", "geonames:615532"),
    ])
    func keeps(_ text: String, _ place: String, _ id: String) throws {
        let found = try links(text)
        #expect(found[place]?.id == id)
        #expect(found[place]?.rule == "lexicon")
    }

    @Test("the country stays the country where the place before it is there")
    func countryStays() throws {
        let found = try links("The talks in Batumi, Georgia, ended.")
        #expect(found["Georgia"]?.id == "iso3166:GE")
    }

    @Test("an unlisted name before a region, after a locative preposition, is a place")
    func unlisted() throws {
        let found = try links("She is a native of Vermillion, South Dakota, and a soldier.")
        #expect(found["Vermillion"]?.rule == "place-before-region")
        #expect(found["Vermillion"]?.id == nil)
    }

    @Test("no place without the preposition, and none from a person before a region", arguments: [
        "Vermillion, South Dakota, is small.",
        "They met Abbott, Texas governor, on Friday.",
        "The 2024 report by Harlow, Texas officials said so.",
    ])
    func notPlaces(_ text: String) throws {
        let found = try links(text)
        #expect(!found.values.contains { $0.rule == "place-before-region" }, "\(found.keys)")
    }
}
