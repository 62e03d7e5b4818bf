import Foundation
import GazetteCore
import Testing

@testable import Gazetteer

@Suite("Gazetteer: loading")
struct LoadingTests {
    @Test func fixtureLexiconLoads() throws {
        let lexicon = try #require(Fixtures.base)
        #expect(lexicon.lists.count == 9)
        #expect(lexicon.entryCount == 31)
        #expect(lexicon.lists[0].displayName == "places/countries.tsv")
        #expect(lexicon.lists[0].label == .location)
        #expect(lexicon.lists[0].subtype == "country")
        #expect(lexicon.lists[0].casePolicy == .insensitive)
        #expect(lexicon.lists[1].subtype == nil)
        #expect(lexicon.lists[3].diacritics == .keep)
    }

    @Test func entriesKeepTheirSourceLine() throws {
        let lexicon = try #require(Fixtures.base)
        let entry = try #require(lexicon.lookup("Ukraine").first)
        #expect(entry.location == "places/countries.tsv:6")
        #expect(entry.canonical == CanonicalReference(name: "Ukraine", id: "iso3166:UA"))
        let ivory = try #require(lexicon.lookup("Côte d’Ivoire").first)
        #expect(ivory.location == "places/countries.tsv:9")  // blank lines and comments still count
        let region = try #require(lexicon.lookup("Middle East").first)
        #expect(region.subtype == "world_region")
        #expect(lexicon.lookup("Lake Wobegon").isEmpty)
        let noID = try CompiledLexicon.load(
            LexiconConfiguration(bundledDirectory: nil, directories: [Fixtures.path("user")], cache: .disabled))
        #expect(try #require(noID.lookup("Lake Wobegon").first).canonical.id == nil)
    }

    @Test func cacheIsWrittenReadAndRefreshed() throws {
        let cache = try Fixtures.temporaryDirectory()
        let lexicons = try Fixtures.temporaryDirectory()
        try FileManager.default.copyItem(atPath: Fixtures.path("base"), toPath: lexicons + "/lex")
        let configuration = LexiconConfiguration(bundledDirectory: lexicons + "/lex", cache: .directory(cache))
        let first = try CompiledLexicon.load(configuration)
        #expect(!first.loadedFromCache)
        let files = try FileManager.default.contentsOfDirectory(atPath: cache)
        #expect(files.count == 1 && files[0].hasPrefix("lexicon-") && files[0].hasSuffix(".bin"))
        let second = try CompiledLexicon.load(configuration)
        #expect(second.loadedFromCache)
        #expect(second.entryCount == first.entryCount)
        #expect(second.lookup("North Korea").first?.canonical.id == "iso3166:KP")
        // Editing a list makes the cache stale: the next load recompiles and sees the change.
        let handle = try #require(FileHandle(forWritingAtPath: lexicons + "/lex/places/countries.tsv"))
        handle.seekToEndOfFile()
        handle.write(Data("Narnia\tNarnia\tgazette:narnia\n".utf8))
        try handle.close()
        let third = try CompiledLexicon.load(configuration)
        #expect(!third.loadedFromCache)
        #expect(third.lookup("narnia").first?.canonical.id == "gazette:narnia")
        #expect(try CompiledLexicon.load(configuration).loadedFromCache)
    }

    @Test func locatorFindsTheRepositoryLexicons() throws {
        try #require(Fixtures.hasBundledLexicons)
        let found = try LexiconLocator.bundledDirectory()
        #expect(FileManager.default.fileExists(atPath: found + "/manifest.tsv"))
    }

    @Test func locatorWalksUpFromADirectory() throws {
        let root = try Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: root + "/Lexicons", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: root + "/Lexicons/manifest.tsv", contents: Data())
        try FileManager.default.createDirectory(atPath: root + "/.build/release", withIntermediateDirectories: true)
        #expect(LexiconLocator.search(upFrom: root + "/.build/release") == root + "/Lexicons")
        #expect(LexiconLocator.search(upFrom: "/") == nil || LexiconLocator.search(upFrom: "/") != root + "/Lexicons")
    }
}

@Suite("Gazetteer: bundled lexicons", .enabled(if: Fixtures.hasBundledLexicons, "Lexicons/manifest.tsv is not there yet"))
struct BundledLexiconTests {
    @Test func allListsLoad() throws {
        let lexicon = try #require(Fixtures.bundled).get()
        #expect(lexicon.entryCount > 1000)
        #expect(lexicon.lists.map(\.displayName) == Fixtures.bundledManifestRows)
    }

    /// Every list loads and its entries are found again by their own surface, with their label,
    /// subtype and canonical ID.
    @Test(arguments: Fixtures.bundledManifestRows)
    func listEntriesAreFound(list: String) throws {
        let lexicon = try #require(Fixtures.bundled).get()
        let listIndex = try #require(lexicon.lists.firstIndex { $0.displayName == list })
        let entries = (0..<lexicon.entryCount).lazy.map { LexiconEntryID(rawValue: UInt32($0)) }
            .filter { lexicon.listIndex(of: $0.rawValue) == listIndex }
        let sample = Array(entries.prefix(25))
        #expect(!sample.isEmpty, "\(list) has no entries")
        for id in sample {
            let entry = lexicon.entry(id)
            #expect(!entry.surface.isEmpty && !entry.canonical.name.isEmpty)
            #expect(entry.list == list)
            #expect(entry.label == lexicon.lists[listIndex].label)
            if let subtype = lexicon.lists[listIndex].subtype { #expect(entry.subtype == subtype) }
            let found = lexicon.lookup(entry.surface, labels: [entry.label])
            #expect(found.contains(entry), "\(entry.location) '\(entry.surface)' is not found by lookup")
        }
    }

    static let realEntries: [(String, String, String?, String)] = [
        ("North Korea", "LOCATION", "country", "iso3166:KP"),
        ("Russia", "LOCATION", "country", "iso3166:RU"),
        ("U.S.", "LOCATION", "country", "iso3166:US"),
        ("Ukrainian", "NATIONALITY", nil, "iso3166:UA"),
        ("South Korean", "NATIONALITY", nil, "iso3166:KR"),
        ("São Paulo", "LOCATION", "city", "geonames:3448439"),
        ("Sao Paulo", "LOCATION", "city", "geonames:3448439"),
        // Other romanisations of a GeoNames name ("Ḩadīthah", "Baqubah").
        ("Haditha", "LOCATION", "city", "geonames:96309"),
        ("Baquba", "LOCATION", "city", "geonames:97990"),
        // English names where ISO 3166-2 and CLDR give the local one ("Normandie", "Corse").
        ("Normandy", "LOCATION", "region", "iso3166-2:FR-NOR"),
        ("Corsica", "LOCATION", "region", "iso3166-2:FR-20R"),
        ("Rhine", "LOCATION", "body_of_water", "gazette:region/rhine"),
        ("Transylvania", "LOCATION", "region", "gazette:region/transylvania"),
        // A state's central bank is a government body (Corpus/README.md), not an international one.
        ("Federal Reserve", "ORGANIZATION", "government", "gazette:org/federal-reserve"),
        ("Darfur", "LOCATION", "region", "gazette:region/darfur"),
        // An office spelled in several ways keeps its own canonical ID (not a broader office's).
        ("director-general", "TITLE", "civil", "gazette:title/director-general"),
        ("Managing Director", "TITLE", "civil", "gazette:title/managing-director"),
        ("Denver Nuggets", "ORGANIZATION", "other", "gazette:org/sports/denver-nuggets"),
        ("Lakers", "ORGANIZATION", "other", "gazette:org/sports/los-angeles-lakers"),
        ("Perth Glory", "ORGANIZATION", "other", "gazette:org/sports/perth-glory-fc"),
        ("Red Bull Racing", "ORGANIZATION", "other", "gazette:org/sports/red-bull-racing"),
    ]

    @Test(arguments: realEntries)
    func realEntriesAreFound(surface: String, label: String, subtype: String?, id: String) throws {
        let lexicon = try #require(Fixtures.bundled).get()
        let found = lexicon.lookup(surface, labels: [LexiconLabel(rawValue: label)])
        #expect(found.contains { $0.canonical.id == id && (subtype == nil || $0.subtype == subtype) },
            "\(surface): \(found.map { "\($0.canonical.id ?? "-") \($0.subtype ?? "-")" })")
    }

    /// Every entity label and subtype present in the bundled lexicons yields at least one entity
    /// through the stage, from a real entry, when its surface is the whole text.
    @Test func everyLabelAndSubtypeMatchesInText() throws {
        let lexicon = try #require(Fixtures.bundled).get()
        var seen: [String: LexiconEntry] = [:]
        for index in 0..<lexicon.entryCount {
            let id = LexiconEntryID(rawValue: UInt32(index))
            let list = lexicon.lists[lexicon.listIndex(of: id.rawValue)]
            guard list.label.entityLabel != nil else { continue }
            let entry = lexicon.entry(id)
            let key = "\(entry.label)/\(entry.subtype ?? "-")"
            if seen[key] == nil, entry.features["common_word"] == nil { seen[key] = entry }
        }
        #expect(!seen.isEmpty)
        for (key, entry) in seen.sorted(by: { $0.key < $1.key }) {
            let document = try tokenized("Reports from \(entry.surface) today.")
            let candidates = lexicon.candidates(in: document)
            #expect(candidates.contains { $0.entry == entry.id }, "\(key): \(entry.location) '\(entry.surface)'")
        }
    }
}
