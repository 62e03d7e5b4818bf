import Foundation
import GazetteCore
import Testing

@testable import Tokenization

/// Segments `bytes` with both ICU and the fast path; returns (icu, fast) lists of (end, class).
func bothSegmentations(_ text: String) throws -> (icu: [String], fast: [String]?) {
    let bytes = Array(text.utf8)
    return try bytes.withUnsafeBufferPointer { buffer in
        var icu: [String] = []
        try ICUSegmenter().segment(.word, buffer) { end, wordClass in icu.append("\(end):\(wordClass)") }
        guard FastWordSegmenter.canSegment(buffer) else { return (icu, nil) }
        var fast: [String] = []
        FastWordSegmenter.segment(buffer) { end, wordClass in fast.append("\(end):\(wordClass)") }
        return (icu, fast)
    }
}

@Suite("Fast word segmenter agrees with ICU")
struct FastWordSegmenterTests {
    static let samples: [String] = [
        "a:b 1:2 a_b _ __ 1_a a__b can't 'tis U.S. 3.4.5 1,000,000 a.1 1.a x'y a;b 1;2 a,b 1,2,a ab.. .5 a-b",
        "1_2 _a a_ _1 1_ ___ 12_ x  y\tz a’b ‘a’ “q” — – … £5 €5 5° • end",
        "a\r\nb\n\nc\r\rd\u{0B}e\u{0C}f",
        "Defense Secretary Lloyd Austin said North Korea has sent 3,000 soldiers to Russia’s east.",
        "He said: “It’s 4.8% — up from 1.5bn in ’23…” U.S.-led, 10,000-strong; F-16s; 9:30 a.m.",
        "@ABlinken (@x) a@b.com #tag", "José Muñoz’s café, Łódź’s «Środa» 5×3 ¿Qué? Æsir ǅemal 10\u{00A0}000 ½ ß. é's", "", " ", "'", "''a''", "a''b", "1''2", "1.,2", "a..b", "_._", "1_.2", "a’’b", "’s",
    ]

    @Test("on hand-written samples", arguments: samples)
    func samplesAgree(_ text: String) throws {
        let (icu, fast) = try bothSegmentations(text)
        #expect(fast != nil)
        #expect(fast == icu)
    }

    @Test("declines text with other non-ASCII characters")
    func declines() throws {
        #expect(try bothSegmentations("שלום").fast == nil)
        #expect(try bothSegmentations("مرحبا").fast == nil)
        #expect(try bothSegmentations("e\u{0301}").fast == nil)
        #expect(try bothSegmentations("١٢").fast == nil)
        #expect(try bothSegmentations("Москва").fast != nil)
        #expect(try bothSegmentations("a\u{00AD}b").fast == nil)
        #expect(try bothSegmentations("a·b").fast == nil)
        #expect(try bothSegmentations("ǀ").fast == nil)
        #expect(try bothSegmentations("ʼ").fast == nil)
        #expect(try bothSegmentations("café").fast != nil)
        #expect(try bothSegmentations("a\u{00A0}b").fast != nil)
    }

    @Test("on random strings over the supported alphabet")
    func randomStrings() throws {
        let alphabet: [String] = [
            "a", "B", "z", "0", "7", ".", "'", ",", ";", ":", "_", " ", " ", "\r", "\n", "\u{0B}", "-", "$", "%",
            "(", "\"", "@", "#", "&", "/", "’", "‘", "“", "”", "—", "–", "…", "•", "£", "€", "°",
            "é", "É", "ß", "ñ", "ø", "Ł", "ő", "ǅ", "ª", "µ", "\u{00A0}", "×", "«", "»", "¿", "¡", "§", "½", "²", "ÿ", "ɏ",
            "ɐ", "˂", "α", "Ω", "ά", "ς", "ж", "Я", "ё", "Ա", "ա", "՝", "Ѣ", "߿",
        ]
        var generator = SplitMix64(seed: 2024)
        for _ in 0..<20000 {
            let length = Int(generator.next() % 40)
            var text = ""
            for _ in 0..<length { text += alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let (icu, fast) = try bothSegmentations(text)
            #expect(fast == icu, "\(text.debugDescription)")
        }
    }

    @Test("on the project's corpus texts")
    func corpus() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Corpus/news.jsonl").path
        guard let data = FileManager.default.contents(atPath: path) else { return }
        var checked = 0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let text = object["text"] as? String
            else { continue }
            let (icu, fast) = try bothSegmentations(text)
            if let fast {
                #expect(fast == icu)
                checked += 1
            }
        }
        #expect(checked > 0)
    }
}

@Suite("Word segments paragraph by paragraph agree with ICU")
struct ParagraphWordSegmentTests {
    /// ICU's word segments of `text` and the tokenizer's (fast path by paragraph where it covers them).
    static func both(_ text: String) throws -> (icu: [String], tokenizer: [String]) {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            var icu: [String] = []
            try ICUSegmenter().segment(.word, buffer) { end, wordClass in icu.append("\(end):\(wordClass)") }
            var tokenizer: [String] = []
            try Tokenizer().wordSegments(buffer, covered: FastWordSegmenter.canSegment(buffer)) { end, wordClass in
                tokenizer.append("\(end):\(wordClass)")
            }
            return (icu, tokenizer)
        }
    }

    @Test("on random text mixing supported and other characters")
    func randomMixed() throws {
        let pieces: [String] = [
            "a", "B", "word", "0", "7", "3.5", ".", "'", ",", ";", ":", "_", " ", " ", "  ", "\t", "-", "$", "%", "(", "\"",
            "@", "’", "“", "—", "…", "\n", "\n", "\n", "\r\n", "\r\n", "\r", "\n\n", "\u{0B}", "\u{0C}",
            "é", "Éric", "café", "Москва", "\u{00A0}", "\u{2029}", "\u{0085}", "\u{2028}", "北京市是中国的首都。",
            "ภาษาไทย", "\u{0301}", "\u{200D}", "👍🏽", "🇺🇸", "\u{00AD}", "«", "ß", "١٢", "日本語", "カタカナ",
            "·", "ǀ", "a\u{00AD}b", "שלום", "مرحبا", "\u{0483}", "։", "Ω.", "Ж?", "ʼ",
            "\u{200E}", "Mosul\u{200E}", "†", "™", "a'", "1,", "x.", " 2", " b", "  c", "e\u{0301}", "虎牢之戰",
        ]
        var generator = SplitMix64(seed: 4242)
        var mismatches = 0
        for _ in 0..<20000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 30) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            let (icu, tokenizer) = try Self.both(text)
            if icu != tokenizer {
                mismatches += 1
                if mismatches <= 20 { Issue.record("\(text.debugDescription): ICU \(icu), tokenizer \(tokenizer)") }
            }
        }
        #expect(mismatches == 0)
    }

    @Test("hands ICU only the words around a character the fast path lacks")
    func narrowRuns() throws {
        let text = "North Korea sent troops\u{200E} to Russia, said 虎牢之戰 officials.\nA second line."
        let bytes = Array(text.utf8)
        var uncovered: [String] = []
        var covered: [String] = []
        try bytes.withUnsafeBufferPointer { buffer in
            try Tokenizer().forEachWordRun(buffer, 0, buffer.count) { start, end, isCovered in
                let run = String(decoding: buffer[start..<end], as: UTF8.self)
                if isCovered { covered.append(run) } else { uncovered.append(run) }
            }
        }
        #expect(uncovered == ["troops\u{200E} ", "said 虎牢之戰 "])
        #expect(covered == ["North Korea sent ", "to Russia, ", "officials.\nA second line."])
        let (icu, tokenizer) = try Self.both(text)
        #expect(icu == tokenizer)
    }

    @Test("on the project's corpus texts")
    func corpus() throws {
        let texts = try corpusTexts()
        for text in texts {
            let (icu, tokenizer) = try Self.both(text)
            #expect(icu == tokenizer)
        }
        #expect(!texts.isEmpty)
    }
}

/// A small deterministic random generator for reproducible tests.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
