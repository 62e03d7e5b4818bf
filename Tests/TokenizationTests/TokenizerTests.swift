import GazetteCore
import Testing

@testable import Tokenization

/// Tokenizes `text` and returns the token texts.
func tokenTexts(_ text: String) throws -> [String] {
    var document = Document(id: "t", text: text)
    try Tokenizer().process(&document)
    return document.tokens.map { document.text(of: $0.range) }
}

/// Tokenizes `text` and returns the sentence texts.
func sentenceTexts(_ text: String) throws -> [String] {
    var document = Document(id: "t", text: text)
    try Tokenizer().process(&document)
    return document.sentences.map { document.text(of: $0.range) }
}

@Suite("Tokenizer: tokens")
struct TokenizerTokenTests {
    static let cases: [(String, [String])] = [
        ("the U.S. announced", ["the", "U.S.", "announced"]),
        ("Gen. Joseph Votel said", ["Gen.", "Joseph", "Votel", "said"]),
        ("Zelenskiy’s allies", ["Zelenskiy", "’s", "allies"]),
        ("Zelenskiy's allies", ["Zelenskiy", "'s", "allies"]),
        ("“very, very serious”", ["“", "very", ",", "very", "serious", "”"]),
        ("shift—and new", ["shift", "—", "and", "new"]),
        ("sent 3,000 soldiers", ["sent", "3,000", "soldiers"]),
        ("a 1.5bn deal", ["a", "1.5", "bn", "deal"]),
        ("$75 million", ["$", "75", "million"]),
        ("80 km/h", ["80", "km", "/", "h"]),
        ("a 10,000-strong force", ["a", "10,000", "-", "strong", "force"]),
        ("Jean-Claude Juncker", ["Jean", "-", "Claude", "Juncker"]),
        ("great 👍🏽 news", ["great", "👍🏽", "news"]),
        ("Москва и Киев", ["Москва", "и", "Киев"]),
        ("4.8% rise", ["4.8", "%", "rise"]),
        ("the 3rd time in the 1990s", ["the", "3rd", "time", "in", "the", "1990s"]),
        ("10k runners, 120km away", ["10", "k", "runners", ",", "120", "km", "away"]),
        ("J. Smith and Acme Inc. staff", ["J.", "Smith", "and", "Acme", "Inc.", "staff"]),
        ("line one\r\nline two", ["line", "one", "line", "two"]),
        ("F-16 jets", ["F", "-", "16", "jets"]),
        // Invisible format marks glued to a word are left out of it.
        ("of Mosul\u{200E}, and", ["of", "Mosul", ",", "and"]),
        ("Prime Minister\u{200F} Haider", ["Prime", "Minister", "Haider"]),
        ("the\u{200B} word\u{2060}\u{FEFF} end\u{00AD}", ["the", "word", "end"]),
        ("A\u{200E} b", ["A", "b"]),
        ("", []),
        ("   \n\t ", []),
    ]

    @Test("token boundaries", arguments: cases)
    func tokens(_ text: String, _ expected: [String]) throws {
        #expect(try tokenTexts(text) == expected)
    }

    @Test("CJK text is segmented into words")
    func cjk() throws {
        let tokens = try tokenTexts("北京市是中国的首都。")
        #expect(tokens.count >= 3)
        #expect(tokens.joined() == "北京市是中国的首都。")
        #expect(tokens.last == "。")
    }

    static let kinds: [(String, TokenKind, String)] = [
        ("Zelenskiy", .word, "Xxxxx"),
        ("NATO", .word, "XXXX"),
        ("soldiers", .word, "xxxx"),
        ("U.S.", .word, "X.X."),
        ("3,000", .number, "d,ddd"),
        ("1.5", .number, "d.d"),
        ("3rd", .number, "dxx"),
        ("iPhone", .word, "xXxxxx"),
        ("—", .punctuation, "—"),
        ("“", .punctuation, "“"),
        (",", .punctuation, ","),
        ("$", .symbol, "$"),
        ("%", .punctuation, "%"),
        ("👍", .symbol, "👍"),
        ("Москва", .word, "Xxxxx"),
    ]

    @Test("kind and shape", arguments: kinds)
    func kindAndShape(_ text: String, _ kind: TokenKind, _ shape: String) throws {
        var document = Document(id: "t", text: text)
        try Tokenizer().process(&document)
        #expect(document.tokens.count == 1)
        #expect(document.tokens.first?.kind == kind)
        #expect(document.tokens.first.map { document.shape(of: $0) } == shape)
    }

    @Test("space before and sentence-initial flags")
    func flags() throws {
        var document = Document(id: "t", text: "“Russia’s army,” he said. It left.")
        try Tokenizer().process(&document)
        let texts = document.tokens.map { document.text(of: $0.range) }
        #expect(texts == ["“", "Russia", "’s", "army", ",", "”", "he", "said", ".", "It", "left", "."])
        let initial = document.tokens.filter(\.isSentenceInitial).map { document.text(of: $0.range) }
        #expect(initial == ["Russia", "It"])
        #expect(document.tokens[0].spaceBefore)
        #expect(!document.tokens[1].spaceBefore)
        #expect(!document.tokens[2].spaceBefore)
        #expect(document.tokens[6].spaceBefore)
        #expect(document.tokens.map(\.sentence) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1])
    }

    @Test("token ranges are ordered, non-overlapping and within the text")
    func rangesAreWellFormed() throws {
        let text = "In Kyiv, Ukraine’s Gen. Oleksandr Syrskyi said 3,000–5,000 troops (about 40%) moved 120km east.\r\n“Fake news,” Moscow said."
        var document = Document(id: "t", text: text)
        try Tokenizer().process(&document)
        var previous = 0
        for token in document.tokens {
            #expect(token.range.start >= previous)
            #expect(token.range.end > token.range.start)
            #expect(token.range.end <= document.byteCount)
            previous = token.range.end
            #expect(!document.text(of: token.range).contains(" "))
        }
    }
}

@Suite("Tokenizer: sentences")
struct TokenizerSentenceTests {
    static let cases: [(String, [String])] = [
        (
            "The U.S. announced it. Russia denied it.",
            ["The U.S. announced it.", "Russia denied it."]
        ),
        (
            "Gen. Joseph Votel, commander of U.S. Central Command, spoke. He left.",
            ["Gen. Joseph Votel, commander of U.S. Central Command, spoke.", "He left."]
        ),
        (
            "Troops were sent to the U.S. The move surprised Dr. Jane Smith.",
            ["Troops were sent to the U.S.", "The move surprised Dr. Jane Smith."]
        ),
        (
            "Shares of Acme Inc. rose. The company said so.",
            ["Shares of Acme Inc. rose.", "The company said so."]
        ),
        (
            "He said “very, very serious.” Then he left!",
            ["He said “very, very serious.”", "Then he left!"]
        ),
        ("First line\r\nSecond line\r\n", ["First line", "Second line"]),
        ("  Leading and trailing spaces.  ", ["Leading and trailing spaces."]),
        ("No. 10 Downing Street said Mr. Smith would go.", ["No. 10 Downing Street said Mr. Smith would go."]),
        ("", []),
    ]

    @Test("sentence boundaries", arguments: cases)
    func sentences(_ text: String, _ expected: [String]) throws {
        #expect(try sentenceTexts(text) == expected)
    }

    @Test("every token belongs to the sentence that contains it")
    func tokensInSentences() throws {
        var document = Document(id: "t", text: "One. Two words here. Three “quoted” ones — yes.")
        try Tokenizer().process(&document)
        for (index, sentence) in document.sentences.enumerated() {
            for tokenIndex in sentence.tokens {
                #expect(document.tokens[tokenIndex].sentence == index)
                #expect(sentence.range.contains(document.tokens[tokenIndex].range))
            }
        }
        #expect(document.sentences.map(\.tokens.count).reduce(0, +) == document.tokens.count)
    }
}

@Suite("ICU segmenter")
struct ICUSegmenterTests {
    @Test("reports ICU's version")
    func version() {
        #expect(ICUSegmenter.icuVersion.first?.isNumber == true)
    }

    @Test("word segments carry ICU's rule status")
    func wordClasses() throws {
        let text = Array("Kyiv 3,000 !".utf8)
        var segments: [(Int, ICUSegmenter.WordClass)] = []
        try text.withUnsafeBufferPointer { bytes in
            try ICUSegmenter().segment(.word, bytes) { end, wordClass in segments.append((end, wordClass)) }
        }
        #expect(segments.map(\.0) == [4, 5, 10, 11, 12])
        #expect(segments.map(\.1) == [.letter, .none, .number, .none, .none])
    }

    @Test("segmenters are independent per thread")
    func threads() async throws {
        let text = String(repeating: "The U.S. sent 3,000 soldiers to Russia. ", count: 200)
        let expected = try tokenTexts(text)
        try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<8 { group.addTask { try tokenTexts(text) } }
            for try await result in group { #expect(result == expected) }
        }
    }
}

@Suite("Abbreviation word sets")
struct ByteWordSetTests {
    @Test("membership by bytes equals membership of the string")
    func agreesWithSet() {
        let words = ["Mr", "Mrs", "Gen", "Inc", "The", "Meanwhile", "According", "a", "I", "Sept", "vs", "ÉtéÉtéÉté1234567"]
        let set = ByteWordSet(words)
        let probes = words + ["", "M", "Mr.", "mr", "Ge", "Gent", "Th", "They", "Meanwhil", "Meanwhiles", "b", "ÉtéÉtéÉté123456"]
        for probe in probes {
            let bytes = Array(probe.utf8)
            let found = bytes.withUnsafeBufferPointer { set.contains($0, 0, $0.count) }
            #expect(found == words.contains(probe), "\(probe)")
        }
        // Inside a longer text.
        let text = Array("the Gen. said".utf8)
        #expect(text.withUnsafeBufferPointer { set.contains($0, 4, 7) })
        #expect(!text.withUnsafeBufferPointer { set.contains($0, 4, 8) })
    }
}
