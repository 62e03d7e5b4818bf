import Foundation
import GazetteCore
import Testing

@testable import Gazetteer

@Suite("Gazetteer: user lexicons")
struct UserLexiconTests {
    @Test func userDirectoryOverridesBundledEntries() throws {
        let lexicon = try CompiledLexicon.load(
            LexiconConfiguration(bundledDirectory: Fixtures.path("base"), directories: [Fixtures.path("user")], cache: .disabled))
        let austin = lexicon.lookup("Austin", labels: [.location])
        #expect(austin.map(\.canonical.id) == ["geonames:5016884"])
        #expect(austin.first?.location == Fixtures.path("user") + "/places.tsv:2")
        #expect(austin.first?.layer == 1)
        // Other labels with the same surface are untouched; so are other bundled entries.
        #expect(lexicon.lookup("Lloyd Austin").count == 1)
        #expect(lexicon.lookup("New York").first?.canonical.id == "geonames:5128581")
        #expect(lexicon.lookup("Lake Wobegon").count == 1)
    }

    @Test func singleFileWithHeader() throws {
        let file = Fixtures.path("single.tsv")
        let lexicon = try CompiledLexicon.load(
            LexiconConfiguration(bundledDirectory: Fixtures.path("base"), files: [file], cache: .disabled))
        let spec = try #require(lexicon.lists.last)
        #expect(spec.label == .organization && spec.subtype == "company" && spec.casePolicy == .insensitive)
        #expect(spec.priority == 120 && spec.diacritics == .fold && spec.displayName == file)
        let acme = try #require(lexicon.lookup("ACME CORP").first)
        #expect(acme.canonical == CanonicalReference(name: "Acme Corporation", id: "wikidata:Q1"))
        #expect(acme.features == ["ticker": "ACME"])
        #expect(acme.location == file + ":4")
        // A different label: both stay, the higher priority first.
        #expect(lexicon.lookup("New York").map(\.label) == [.organization, .location])
    }

    static let badHeaders: [(String, Int, String)] = [
        ("Acme\tAcme\t-\n", 1, "no label"),
        ("#! label=org\nAcme\tAcme\t-\n", 1, "label 'org'"),
        ("# list\n#! label=PERSON\n#! case=upper\n", 3, "case 'upper'"),
        ("#! label=PERSON priority=high\n", 1, "priority 'high'"),
        ("#! label=PERSON colour=blue\n", 1, "unknown key 'colour'"),
    ]

    @Test(arguments: badHeaders)
    func badHeadersNameFileAndLine(contents: String, line: Int, reason: String) throws {
        let directory = try Fixtures.temporaryDirectory()
        let file = directory + "/list.tsv"
        try contents.write(toFile: file, atomically: true, encoding: .utf8)
        do {
            _ = try CompiledLexicon.load(LexiconConfiguration(bundledDirectory: nil, files: [file], cache: .disabled))
            Issue.record("no error")
        } catch let error {
            guard case let .badHeader(errorFile, errorLine, errorReason) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(errorFile == file && errorLine == line && errorReason.contains(reason), "\(error)")
        }
    }
}

@Suite("Gazetteer: errors")
struct ErrorTests {
    @Test func malformedLineNamesFileAndLine() throws {
        #expect(throws: LexiconError.malformedLine(
            file: "ok.tsv", line: 4,
            reason: "expected at least 3 tab-separated fields (surface, canonical name, canonical id), found 2")
        ) {
            try CompiledLexicon.load(LexiconConfiguration(bundledDirectory: Fixtures.path("malformed"), cache: .disabled))
        }
        let error = LexiconError.malformedLine(file: "ok.tsv", line: 4, reason: "x")
        #expect(error.description.hasPrefix("ok.tsv:4: "))
    }

    static let malformedLines: [(String, String)] = [
        ("Paris\tParis\tgeonames:1\tpopulation\n", "feature 'population' is not key=value"),
        ("Paris\tParis\tgeonames:1\t=3\n", "feature '=3' is not key=value"),
        ("\tParis\tgeonames:1\n", "empty surface form"),
        ("Paris\t\tgeonames:1\n", "empty canonical name"),
        ("Paris\n", "found 1"),
    ]

    @Test(arguments: malformedLines)
    func malformedLinesInUserDirectories(line: String, reason: String) throws {
        let directory = try Fixtures.temporaryDirectory()
        try "cities.tsv\tLOCATION\tcity\tsensitive\tfold\t50\n".write(
            toFile: directory + "/manifest.tsv", atomically: true, encoding: .utf8)
        try ("# header\nLyon\tLyon\tgeonames:2\n" + line).write(toFile: directory + "/cities.tsv", atomically: true, encoding: .utf8)
        do {
            _ = try CompiledLexicon.load(LexiconConfiguration(bundledDirectory: nil, directories: [directory], cache: .disabled))
            Issue.record("no error")
        } catch let error {
            guard case let .malformedLine(file, number, message) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(file == directory + "/cities.tsv" && number == 3 && message.contains(reason), "\(error)")
        }
    }

    @Test func badManifestNamesFileAndLine() throws {
        #expect(throws: LexiconError.badManifest(
            file: "manifest.tsv", line: 1,
            reason: "expected 6 tab-separated fields (file, label, subtype, case, diacritics, priority), found 5")
        ) {
            try CompiledLexicon.load(LexiconConfiguration(bundledDirectory: Fixtures.path("badmanifest"), cache: .disabled))
        }
    }

    @Test func missingListFile() throws {
        let directory = try Fixtures.temporaryDirectory()
        try "# lists\nnowhere.tsv\tLOCATION\tcity\tsensitive\tfold\t50\n".write(
            toFile: directory + "/manifest.tsv", atomically: true, encoding: .utf8)
        #expect(throws: LexiconError.missingFile(path: directory + "/nowhere.tsv", referencedFrom: "manifest.tsv:2")) {
            try CompiledLexicon.load(LexiconConfiguration(bundledDirectory: directory, cache: .disabled))
        }
        #expect(throws: LexiconError.missingFile(path: directory + "/none.tsv", referencedFrom: "--lexicon")) {
            try CompiledLexicon.load(LexiconConfiguration(bundledDirectory: nil, files: [directory + "/none.tsv"], cache: .disabled))
        }
    }

    @Test func corruptCacheIsRebuilt() throws {
        let cache = try Fixtures.temporaryDirectory()
        let configuration = LexiconConfiguration(bundledDirectory: Fixtures.path("base"), cache: .directory(cache))
        _ = try CompiledLexicon.load(configuration)
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: cache).first)
        try Data(repeating: 7, count: 300).write(to: URL(fileURLWithPath: cache + "/" + name))
        let reloaded = try CompiledLexicon.load(configuration)
        #expect(!reloaded.loadedFromCache)
        #expect(reloaded.lookup("Russia").first?.canonical.id == "iso3166:RU")
    }
}
