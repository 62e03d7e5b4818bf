import Foundation
import GazetteCore
import Testing

@testable import Tokenization

/// ICU's sentence boundaries of `bytes` (byte offsets, after 0).
func icuSentenceBreaks(_ bytes: UnsafeBufferPointer<UInt8>) throws -> [Int] {
    var breaks: [Int] = []
    try ICUSegmenter().segment(.sentence, bytes) { end, _ in breaks.append(end) }
    return breaks
}

/// Sentence boundaries of `text` by ICU and by the fast path (nil when it declines the text).
func bothSentenceSegmentations(
    _ text: String, tables: FastSentenceSegmenter.Tables? = FastSentenceSegmenter.tables
) throws -> (icu: [Int], fast: [Int]?) {
    let bytes = Array(text.utf8)
    return try bytes.withUnsafeBufferPointer { buffer in
        let icu = try icuSentenceBreaks(buffer)
        guard let tables, FastWordSegmenter.canSegment(buffer) else { return (icu, nil) }
        var fast: [Int] = []
        FastSentenceSegmenter.segment(buffer, from: 0, to: buffer.count, tables: tables) { fast.append($0) }
        return (icu, fast)
    }
}

/// Sentence boundaries of `text` by ICU and by the tokenizer (fast path, paragraph by paragraph
/// where it does not cover the whole text), both without the leading 0.
func icuAndTokenizerSentenceBreaks(_ text: String) throws -> (icu: [Int], tokenizer: [Int]) {
    let bytes = Array(text.utf8)
    return try bytes.withUnsafeBufferPointer { buffer in
        var icu = try icuSentenceBreaks(buffer)
        if buffer.count > 0, icu.last != buffer.count { icu.append(buffer.count) }
        let covered = FastWordSegmenter.canSegment(buffer)
        let tokenizer = try Tokenizer().sentenceBreaks(buffer, covered: covered)
        return (icu, Array(tokenizer.dropFirst()))
    }
}

/// The texts of the corpus documents (Corpus/news.jsonl).
func corpusTexts() throws -> [String] {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Corpus/news.jsonl").path
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    var texts: [String] = []
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
            let text = object["text"] as? String
        else { continue }
        texts.append(text)
    }
    return texts
}

@Suite("Fast sentence segmenter agrees with ICU")
struct FastSentenceSegmenterTests {
    static let samples: [String] = [
        "Mr. Smith went to Washington. He met Dr. Jones and Prof. Brown. Then he left!",
        "The U.S. Army said. He left. U.S.A. Today. He holds a Ph.D. in physics. Ph.D. Smith",
        "XMr. Smith. E. Smith. G. Smith. Lt. Smith. Lt.Cdr. Smith. Hon.B.A. Jones. He is in. Go. Go.",
        "Mr.  Smith. Mr.\tSmith. Mr.\nSmith. Mr.\r\nSmith. Mr.) Smith. Mr.Smith. Mr.#X. Mr.",
        "It costs 3.5 dollars. e.g. this. i.e. that. Etc. And 9 a.m. Then. At 5 p.m. he left.",
        "“Is it?” he asked. ‘Yes.’ (It is.) [Really.] {Sure.} \"Fine.\" 'OK.' Done",
        "Wait... what?! No!! Yes?? a.b. c. d.E. f.g.H 1.2.3. end. 4. five",
        "a. ;B a. ,B a. -B a. :B a. –B a. —B a. …B a. •B a. £5 a. €B a. °B a.)  b a.’ x",
        "José Muñoz. Éric said. é.É ß.Ł a.\u{00A0}B Mr.\u{00A0}Smith «Non.» ¿Qué? x. é x. É x.×é",
        "В Москве. Он сказал. α.Ω ж.Я Ա. ա. x. ς. Σ",
        "Line one\r\nLine two\rLine three\n\nLine four. \n Five.\u{0B}Six.\u{0C}Seven.\tEight.",
        "", " ", ".", "..", "a.", "Mr.", "Mr. ", "A. B.", "\n", "\r\n", "?!", ".5", "x.\"", "S.p.A. Co. S.A. E.G. x",
    ]

    @Test("on hand-written samples", arguments: samples)
    func samplesAgree(_ text: String) throws {
        let (icu, fast) = try bothSentenceSegmentations(text)
        #expect(fast != nil)
        #expect(fast == icu, "\(text.debugDescription)")
    }

    @Test("the abbreviation filter matters: without it, boundaries differ from ICU's")
    func filterMatters() throws {
        let tables = try #require(FastSentenceSegmenter.tables)
        var unfiltered = tables
        unfiltered.suppressions = FastSentenceSegmenter.Suppressions([])
        let text = "He met Mr. Smith and Prof. Jones in Sept. Oct. Then he left."
        let (icu, filtered) = try bothSentenceSegmentations(text, tables: tables)
        let (_, plain) = try bothSentenceSegmentations(text, tables: unfiltered)
        #expect(filtered == icu)
        #expect(plain != icu)
        // "Mr.", "Prof." and "Sept." are in ICU's list, "Oct." is not.
        #expect(icu == [47, text.utf8.count])
        #expect(plain == [11, 27, 42, 47, text.utf8.count])
        #expect(try FastSentenceSegmenter.Suppressions.icuList()?.count ?? 0 > 100)
    }

    /// Pieces of random text: every supported sentence class, numbers, and ICU's abbreviations
    /// (with and without the period inside) next to look-alikes.
    static let pieces: [String] = {
        var pieces = [
            "a", "b", "z", "the", "word", "A", "B", "Z", "The", "He", "I", "0", "7", "3.5", "1,000", "12",
            ".", ".", ".", "?", "!", ";", ",", ":", "'", "\"", "’", "‘", "“", "”", "(", ")", "[", "]", "{", "}",
            " ", " ", " ", " ", "  ", "\n", "\r", "\r\n", "\t", "\u{0B}", "\u{0C}", "-", "–", "—", "…", "•", "£", "€", "°",
            "#", "$", "%", "&", "*", "+", "/", "<", "=", ">", "@", "_", "|", "~", "\\", "^", "`", "\u{01}", "\u{7F}",
            "U.S.", "e.g.", "i.e.", "a.m.", "p.m.", "Inc.", "Gen.", "Mr", "Ph", "Ph.", "D.", "Lt", "Cdr.", "Hon",
            "XMr.", "mr.", "MR", "Ms", "Co.", "etc.", "St.", "No.", "vs", "Jr.",
            "é", "É", "José", "ß", "Ñ", "ő", "Ł", "ǅ", "ª", "µ", "\u{00A0}", "\u{00A0}", "×", "«", "»", "¿", "¡", "½", "ÿ",
            "ɐ", "˂", "α", "Ω", "ά", "ς", "Москва", "Я", "ё", "Ա", "ա", "՝", "Ѣ",
        ]
        pieces += (FastSentenceSegmenter.Suppressions.icuList() ?? []).map { String(decoding: $0, as: UTF8.self) }
        return pieces
    }()

    @Test("on random strings over the supported characters")
    func randomStrings() throws {
        var generator = SplitMix64(seed: 29)
        var mismatches = 0
        for _ in 0..<30000 {
            let length = Int(generator.next() % 24)
            var text = ""
            for _ in 0..<length { text += Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))] }
            let (icu, fast) = try bothSentenceSegmentations(text)
            #expect(fast != nil)
            if fast != icu {
                mismatches += 1
                if mismatches <= 20 { Issue.record("\(text.debugDescription): ICU \(icu), fast \(fast ?? [])") }
            }
        }
        #expect(mismatches == 0)
    }

    @Test("on random sentence-like strings (words, abbreviations, one space)")
    func randomSentences() throws {
        let words = ["the", "army", "said", "He", "It", "Smith", "Jones", "3.5", "40", "U.S.", "e.g.", "a.m."]
        let abbreviations = (FastSentenceSegmenter.Suppressions.icuList() ?? []).map { String(decoding: $0, as: UTF8.self) }
        let ends = [".", ".", "?", "!", ".”", ".)", "?’", ".\"", "", "", ",", ";"]
        let gaps = [" ", " ", " ", " ", "  ", "\n", "\r\n", "\t", ""]
        var generator = SplitMix64(seed: 72)
        var mismatches = 0
        for _ in 0..<20000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 12) {
                if generator.next() % 3 == 0, !abbreviations.isEmpty {
                    text += abbreviations[Int(generator.next() % UInt64(abbreviations.count))]
                } else {
                    text += words[Int(generator.next() % UInt64(words.count))]
                    text += ends[Int(generator.next() % UInt64(ends.count))]
                }
                text += gaps[Int(generator.next() % UInt64(gaps.count))]
            }
            let (icu, fast) = try bothSentenceSegmentations(text)
            if fast != icu {
                mismatches += 1
                if mismatches <= 20 { Issue.record("\(text.debugDescription): ICU \(icu), fast \(fast ?? [])") }
            }
        }
        #expect(mismatches == 0)
    }

    @Test("on the project's corpus texts")
    func corpus() throws {
        var checked = 0
        for text in try corpusTexts() {
            let (icu, fast) = try bothSentenceSegmentations(text)
            if let fast {
                #expect(fast == icu)
                checked += 1
            }
            let (whole, tokenizer) = try icuAndTokenizerSentenceBreaks(text)
            #expect(tokenizer == whole)
        }
        #expect(checked > 0)
    }

    @Test("paragraph by paragraph on random text mixing supported and other characters")
    func randomMixedParagraphs() throws {
        let others = [
            "\u{2029}", "\u{0085}", "\u{2028}", "北京。", "\u{00AD}", "·", "ǀ", "١٢", "Ǆ.", "a\u{0301}.", "。",
            "שלום.", "مرحبا", "։", "\u{037E}", "\u{0483}", "ʼ",
        ]
        let separators = ["\n", "\n", "\r\n", "\r", "\n\n", "\n", "\n", "\r\n"]
        let pieces = Self.pieces + others + others + separators + separators
        var generator = SplitMix64(seed: 1515)
        var mismatches = 0
        for _ in 0..<20000 {
            let length = Int(generator.next() % 30)
            var text = ""
            for _ in 0..<length { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            let (icu, tokenizer) = try icuAndTokenizerSentenceBreaks(text)
            if icu != tokenizer {
                mismatches += 1
                if mismatches <= 20 { Issue.record("\(text.debugDescription): ICU \(icu), tokenizer \(tokenizer)") }
            }
        }
        #expect(mismatches == 0)
    }
}

@Suite("Tokenizer with and without the fast paths")
struct FastPathEquivalenceTests {
    /// Sentences and tokens of `text` with and without the fast paths.
    static func both(_ text: String) throws -> (fast: Document, icu: Document) {
        var fast = Document(id: "t", text: text)
        try Tokenizer(useFastPath: true).process(&fast)
        var icu = Document(id: "t", text: text)
        try Tokenizer(useFastPath: false).process(&icu)
        return (fast, icu)
    }

    @Test("give the same sentences and tokens on the corpus")
    func corpus() throws {
        let texts = try corpusTexts()
        for text in texts {
            let (fast, icu) = try Self.both(text)
            #expect(fast.sentences == icu.sentences)
            #expect(fast.tokens == icu.tokens)
        }
        #expect(!texts.isEmpty)
    }

    @Test("give the same sentences and tokens on random text")
    func random() throws {
        let pieces = FastSentenceSegmenterTests.pieces + [
            "Москва", "שלום.", "北京。", "\u{00AD}", "e\u{0301}", "\u{2029}", "\n", "\n", "\r\n", " The ", " the ", "’s",
            "1.5bn", "10k", "3rd", "Gen.", "Dr.", "Inc.", "U.S.", " Central", "No. 10", "Zelenskiy’s",
        ]
        var generator = SplitMix64(seed: 31)
        var mismatches = 0
        for _ in 0..<5000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 30) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            let (fast, icu) = try Self.both(text)
            if fast.sentences != icu.sentences || fast.tokens != icu.tokens {
                mismatches += 1
                if mismatches <= 10 { Issue.record("\(text.debugDescription)") }
            }
        }
        #expect(mismatches == 0)
    }
}
