import GazetteCore
import Testing

@testable import Gazetteer

@Suite("Gazetteer: matching")
struct MatchingTests {
    /// (text, expected first candidate text, label, canonical id)
    static let longestFirst: [(String, String, String, String)] = [
        ("North Korea has sent soldiers", "North Korea", "LOCATION", "iso3166:KP"),
        ("the New York Times reported", "New York Times", "ORGANIZATION", "wikidata:Q9684"),
        ("The New York Times reported", "The New York Times", "ORGANIZATION", "wikidata:Q9684"),
        ("South Korean lawmakers", "South Korean", "NATIONALITY", "iso3166:KR"),
        ("North Korean-backed forces", "North Korean", "NATIONALITY", "iso3166:KP"),
    ]

    @Test(arguments: longestFirst)
    func longestMatchComesFirst(text: String, match: String, label: String, id: String) throws {
        let lexicon = try #require(Fixtures.base)
        let found = try candidateSummary(lexicon, text)
        let first = try #require(found.first)
        #expect(first.text == match && first.label == label && first.id == id, "\(found)")
    }

    @Test func shorterMatchesAreStillCandidates() throws {
        let lexicon = try #require(Fixtures.base)
        let found = try candidateSummary(lexicon, "North Korea").map(\.text)
        #expect(found == ["North Korea", "Korea"])
        let times = try candidateSummary(lexicon, "New York Times").map(\.text)
        #expect(times == ["New York Times", "New York"])
    }

    static let folding: [(String, String?)] = [
        ("São Paulo", "geonames:3448439"),
        ("Sao Paulo", "geonames:3448439"),
        ("Sa\u{0303}o Paulo", "geonames:3448439"),  // decomposed
        ("Zurich", "geonames:2657896"),
        ("sao paulo", nil),  // cities are case-sensitive
        ("NORTH KOREA", "iso3166:KP"),  // countries are case-insensitive
        ("north korea", "iso3166:KP"),
        ("Cote d'Ivoire", "iso3166:CI"),  // apostrophes fold too
        ("côte d’ivoire", "iso3166:CI"),
        ("us", nil),  // codes are case-sensitive
        ("U.S.", "iso3166:US"),
    ]

    @Test(arguments: folding)
    func caseAndDiacriticsFolding(text: String, id: String?) throws {
        let lexicon = try #require(Fixtures.base)
        #expect(lexicon.lookup(text).first?.canonical.id == id)
        let found = try candidateSummary(lexicon, "In \(text) today")
        #expect(found.first { $0.text == text }?.id == id, "\(found)")
    }

    @Test func keepListsDoNotFoldDiacritics() throws {
        let directory = try Fixtures.temporaryDirectory()
        try "names.tsv\tPERSON\t-\tsensitive\tkeep\t50\n".write(toFile: directory + "/manifest.tsv", atomically: true, encoding: .utf8)
        try "Zoë\tZoë\tname:zoe\n".write(toFile: directory + "/names.tsv", atomically: true, encoding: .utf8)
        let lexicon = try CompiledLexicon.load(LexiconConfiguration(bundledDirectory: directory, cache: .disabled))
        #expect(lexicon.lookup("Zoë").count == 1)
        #expect(lexicon.lookup("Zoe").isEmpty)
    }

    static let multiToken: [(String, String)] = [
        ("the U.S. announced", "U.S."),
        ("Jean-Claude Juncker said", "Jean-Claude Juncker"),
        ("Bashar al-Assad said", "Bashar al-Assad"),
        ("Volodymyr Zelenskiy’s allies", "Volodymyr Zelenskiy"),
        ("Gen. Smith", "Gen."),
    ]

    @Test(arguments: multiToken)
    func multiTokenSurfacesMatchTokenizerTokens(text: String, surface: String) throws {
        let lexicon = try #require(Fixtures.base)
        let found = try candidateSummary(lexicon, text).map(\.text)
        #expect(found.contains(surface), "\(found)")
    }

    @Test func matchesEndAtTokenBoundaries() throws {
        let lexicon = try #require(Fixtures.base)
        // "USA" is listed but "USAID" is one token; "Russia" is not inside "Russians".
        #expect(try candidateSummary(lexicon, "USAID staff and Russians").isEmpty)
        // Whitespace matters: "NorthKorea" is not "North Korea".
        #expect(try candidateSummary(lexicon, "NorthKorea").isEmpty)
    }

    @Test func matchesStayInsideSentences() throws {
        let lexicon = try #require(Fixtures.base)
        let found = try candidateSummary(lexicon, "They went north. Korea was next.").map(\.text)
        #expect(found == ["Korea"])
    }

    @Test func everyCandidateHasItsSource() throws {
        let lexicon = try #require(Fixtures.base)
        let document = try tokenized("Lloyd Austin met CNN in Austin")
        let candidates = lexicon.candidates(in: document)
        let described = candidates.map { candidate -> String in
            let entry = lexicon.entry(candidate.entry)
            return "\(document.text(of: candidate.range))|\(entry.label)|\(entry.subtype ?? "-")|\(entry.location)"
        }
        #expect(described == [
            "Lloyd Austin|PERSON|politician|people/leaders.tsv:4",
            "Lloyd|GIVEN_NAME|-|people/given.tsv:1",
            "Austin|LOCATION|city|places/cities.tsv:4",
            "CNN|ORGANIZATION|media|media.tsv:3",
            "Austin|LOCATION|city|places/cities.tsv:4",
        ])
        // Auxiliary labels on request only.
        let names = lexicon.candidates(in: document, labels: [.givenName])
        #expect(names.map { document.text(of: $0.range) } == ["Lloyd"])
        let entities = lexicon.candidates(in: document, labels: LexiconLabel.entityLabels)
        #expect(!entities.contains { $0.label == .givenName })
    }

    /// Tokens given by hand: an empty token inside a surface is stepped over (as before the
    /// single-piece tokens lost their piece records), and spans outside the text or reversed
    /// match nothing and read nothing out of it.
    @Test func handMadeTokensWithEmptyAndBadSpans() throws {
        let lexicon = try #require(Fixtures.base)
        var text = "In New York Times"
        func token(_ start: Int, _ end: Int, space: Bool = true) -> Token {
            Token(range: TextRange(start, end), kind: .word, sentence: 0, spaceBefore: space)
        }
        let plain = [token(0, 2), token(3, 6), token(7, 11), token(12, 17)]
        let withEmpty = [token(0, 2), token(3, 6), token(6, 6, space: false), token(7, 11), token(12, 17)]
        let bad = [token(0, 2), token(40, 30), token(-5, 2), token(12, 99), token(3, 6)]
        text.withUTF8 { bytes in
            let expected = lexicon.candidates(text: bytes, tokens: plain)
            #expect(!expected.isEmpty)
            // The same matches, token indices past the empty one shifted by one.
            func shift(_ index: Int) -> Int { index > 2 ? index - 1 : index }
            let shifted = lexicon.candidates(text: bytes, tokens: withEmpty).map { candidate in
                "\(shift(candidate.tokens.lowerBound)..<shift(candidate.tokens.upperBound)) \(candidate.range) \(candidate.entry.rawValue)"
            }
            #expect(shifted == expected.map { "\($0.tokens) \($0.range) \($0.entry.rawValue)" })
            // Bad spans are clamped to the text: the reversed one is empty and matches nothing.
            let found = lexicon.candidates(text: bytes, tokens: bad)
            #expect(!found.contains { $0.tokens.lowerBound == 1 })
        }
    }

    @Test func piecesSplitLikeTheTokenizerOrFiner() {
        #expect(PieceSplitter.pieces(of: "U.S.").map(\.piece) == ["U", ".", "S", "."])
        #expect(PieceSplitter.pieces(of: "1.5bn").map(\.piece) == ["1", ".", "5", "bn"])
        #expect(PieceSplitter.pieces(of: "São  Paulo").map(\.spaceBefore) == [false, true])
        #expect(TextFolding.fold("Łódź Øresund Straße", caseFold: true, diacriticsFold: true) == "lodz oresund strasse")
    }
}
