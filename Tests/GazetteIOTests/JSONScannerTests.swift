import GazetteCore
import Testing

@testable import GazetteIO

@Suite("JSON scanner")
struct JSONScannerTests {
    static let valid: [String] = [
        #"{}"#,
        #"{"id":"a","text":"b"}"#,
        #"  {"n": -1.5e+3, "t": true, "f": false, "z": null, "a": [1, [2, {}], "x"]}  "#,
        #"{"s":"quote \" backslash \\ slash \/ \b\f\n\r\t \u00e9 \ud83d\ude00"}"#,
    ]

    @Test("accepts valid JSON objects", arguments: valid)
    func acceptsValid(_ line: String) throws {
        guard case .object = try JSONScanner.parse(Array(line.utf8)) else {
            Issue.record("not parsed as an object")
            return
        }
    }

    static let invalid: [(String, String)] = [
        (#"{"id": "a""#, "unexpected end of line inside an object"),
        (#"{"id": 'a'}"#, "unexpected character where a value was expected"),
        (#"{"n": 01}"#, "expected ',' or '}'"),
        (#"{"n": 1.}"#, "invalid number"),
        ("{\"s\": \"tab\tinside\"}", "control character inside a string"),
        (#"{"s": "\x"}"#, "invalid escape in a string"),
        (#"{"a": [1, 2}"#, "expected ',' or ']'"),
        (#"{"a": tru}"#, "invalid literal"),
        (#"{"a": 1} x"#, "unexpected characters after the JSON value"),
        (#"{a: 1}"#, "expected a string key"),
        (#"{"s": "unterminated}"#, "unterminated string"),
        ("", "empty line where a JSON object was expected"),
    ]

    @Test("rejects malformed JSON with a message and column", arguments: invalid)
    func rejectsInvalid(_ line: String, _ message: String) {
        do {
            _ = try JSONScanner.parse(Array(line.utf8))
            Issue.record("accepted \(line)")
        } catch {
            #expect(error.message == message)
            #expect(error.column >= 1)
        }
    }

    @Test("keeps raw member values byte for byte")
    func rawValues() throws {
        let line = #"{"id":"x","score":1.50,"meta":{ "k" : [1,2] },"text":"hi"}"#
        guard case let .object(members) = try JSONScanner.parse(Array(line.utf8)) else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["id", "score", "meta", "text"])
        #expect(String(decoding: members[1].raw, as: UTF8.self) == "1.50")
        #expect(String(decoding: members[2].raw, as: UTF8.self) == #"{ "k" : [1,2] }"#)
    }

    @Test("decodes escapes, surrogate pairs and lone surrogates")
    func decodesStrings() throws {
        #expect(try JSONScanner.decodeString(ArraySlice(#""a\"b\\c\nd\u00e9""#.utf8)) == "a\"b\\c\nd\u{e9}")
        #expect(try JSONScanner.decodeString(ArraySlice(#""\ud83d\ude00""#.utf8)) == "😀")
        #expect(try JSONScanner.decodeString(ArraySlice(#""\ud83d x""#.utf8)) == "\u{FFFD} x")
    }

    @Test("decodes what the writer escapes, wherever quotes, backslashes and controls fall")
    func roundTrips() throws {
        let alphabet: [String] = ["a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\u{01}", "\u{1F}", "é", "’", "😀", "\u{7F}"]
        var generator = ScannerRandom(seed: 77)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 40) { text += alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            var writer = JSONBuffer(capacity: 256)
            writer.string(text)
            let encoded = Array(writer.written)
            writer.deallocate()
            #expect(try JSONScanner.decodeString(ArraySlice(encoded)) == text, "\(text.debugDescription)")
            let line = Array(#"{"id":"x","text":"#.utf8) + encoded + Array("}".utf8)
            guard case let .object(members) = try JSONScanner.parse(line) else {
                Issue.record("not an object")
                continue
            }
            #expect(members.map(\.key) == ["id", "text"])
        }
    }

    @Test("a control character or a missing quote anywhere in a long string is an error")
    func longStringErrors() {
        let filler = String(repeating: "abcdefgh", count: 5)
        for cut in 0..<20 {
            let bad = #"{"text":""# + filler.prefix(cut) + "\u{01}" + filler + #""}"#
            #expect(throws: JSONScanner.SyntaxError.self) { try JSONScanner.parse(Array(bad.utf8)) }
            let open = #"{"text":""# + filler + String(filler.prefix(cut))
            #expect(throws: JSONScanner.SyntaxError.self) { try JSONScanner.parse(Array(open.utf8)) }
        }
    }

    @Test("deep nesting is an error, not a crash")
    func deepNesting() {
        let line = #"{"a":"# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        #expect(throws: JSONScanner.SyntaxError.self) { try JSONScanner.parse(Array(line.utf8)) }
    }
}

@Suite("Text decoding and offsets")
struct TextDecodingTests {
    @Test("valid UTF-8 passes unchanged, without warnings")
    func valid() {
        let decoded = TextDecoding.decode(Array("Zelenskiy’s 🇺🇦".utf8))
        #expect(decoded.text == "Zelenskiy’s 🇺🇦")
        #expect(decoded.warnings.isEmpty)
    }

    @Test("the UTF-8 check agrees with the standard library's on random bytes")
    func validation() {
        // Bytes weighted towards the edges of the well-formed ranges.
        let pool: [UInt8] = [
            0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED,
            0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF,
        ]
        var generator = ScannerRandom(seed: 99)
        var valid = 0
        for round in 0..<40000 {
            var bytes: [UInt8] = []
            // Some ASCII runs, so the eight-at-a-time path is crossed at every alignment.
            for _ in 0..<Int(generator.next() % 24) {
                bytes.append(generator.next() % 3 == 0 ? 0x61 : pool[Int(generator.next() % UInt64(pool.count))])
            }
            if round % 7 == 0 { bytes = Array("Zelenskiy’s 🇺🇦 café".utf8) + bytes }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            if expected { valid += 1 }
            #expect(bytes.withUnsafeBufferPointer { TextDecoding.isValidUTF8($0) } == expected, "\(bytes)")
        }
        #expect(valid > 1000)
    }

    @Test("invalid UTF-8 is repaired and reported")
    func invalid() {
        let decoded = TextDecoding.decode([0x4B, 0x79, 0xFF, 0x69, 0x76, 0xC3])
        #expect(decoded.text == "Ky\u{FFFD}iv\u{FFFD}")
        #expect(decoded.warnings.map(\.code) == [.invalidUTF8])
        #expect(decoded.warnings.first?.message.hasPrefix("2 invalid") == true)
    }

    @Test("NUL bytes are reported as binary content; a BOM is dropped")
    func binary() {
        let decoded = TextDecoding.decode([0xEF, 0xBB, 0xBF, 0x61, 0x00, 0x62])
        #expect(decoded.text == "a\u{0}b")
        #expect(decoded.warnings.map(\.code) == [.binaryContent])
    }

    @Test("byte offsets convert to code points")
    func offsets() {
        let text = Array("a’b😀c".utf8)  // a(1) ’(3) b(1) 😀(4) c(1)
        text.withUnsafeBufferPointer { bytes in
            let map = OffsetMap(bytes)
            #expect(map.codePoint(0) == 0)
            #expect(map.codePoint(1) == 1)
            #expect(map.codePoint(4) == 2)
            #expect(map.codePoint(5) == 3)
            #expect(map.codePoint(9) == 4)
            #expect(map.codePoint(10) == 5)
        }
        Array("ascii".utf8).withUnsafeBufferPointer { bytes in
            #expect(OffsetMap(bytes).codePoint(3) == 3)
        }
    }

    @Test("strings are escaped as JSON requires")
    func escaping() {
        var writer = JSONWriter()
        writer.string("q\"b\\n\n\t\u{1}é")
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #""q\"b\\n\n\t\u0001é""#)
    }

    @Test("long strings are escaped wherever the special byte falls")
    func escapingAtEveryOffset() {
        let specials: [(UInt8, String)] = [(0x22, "\\\""), (0x5C, "\\\\"), (0x0A, "\\n"), (0x01, "\\u0001"), (0x1F, "\\u001f")]
        for (special, escaped) in specials {
            for offset in 0..<20 {
                var bytes = Array("abcdefghijklmnopqrstuvwxyzé ~".utf8)
                bytes[offset] = special
                var writer = JSONWriter()
                bytes.withUnsafeBufferPointer { writer.string(bytes: $0) }
                let expected = "\"" + String(decoding: bytes[..<offset], as: UTF8.self) + escaped
                    + String(decoding: bytes[(offset + 1)...], as: UTF8.self) + "\""
                #expect(String(decoding: writer.bytes, as: UTF8.self) == expected)
            }
        }
        // bytes at the edges of the classes are not escaped
        let plain = Array(" !#[]^~\u{7F}é€".utf8) + [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7E, 0x7F]
        var writer = JSONWriter()
        plain.withUnsafeBufferPointer { writer.string(bytes: $0) }
        #expect(writer.bytes == [0x22] + plain + [0x22])
    }

    @Test("integers are written in decimal", arguments: [0, 7, 10, 42, 1_234_567, -1, -305, Int.max, Int.min])
    func integers(value: Int) {
        var writer = JSONWriter()
        writer.integer(value)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == String(value))
    }
}

@Suite("Document encoder")
struct DocumentEncoderTests {
    @Test("writes id, passthrough fields, text, layers and warnings with code-point offsets")
    func encodes() {
        var document = Document(
            id: "d1", text: "Kyiv’s “army”",
            fields: [PassthroughField(name: "url", rawJSON: Array(#""http://x""#.utf8)),
                     PassthroughField(name: "entities", rawJSON: Array("[]".utf8))])
        document.sentences = [Sentence(range: TextRange(0, document.byteCount))]
        document.entities = [
            Entity(range: TextRange(0, 4), label: .location, subtype: "city",
                   canonical: CanonicalReference(name: "Kyiv", id: "geonames:703448"),
                   source: Provenance(stage: "gazetteer", rule: "lexicon", lexicon: "places/cities.tsv:9"))
        ]
        document.warnings = [Diagnostic(code: .emptyText, message: "m", range: TextRange(12, 16))]
        var writer = JSONWriter()
        DocumentEncoder(options: OutputOptions(layers: [.sentences, .entities])).encode(document, into: &writer)
        let line = String(decoding: writer.bytes, as: UTF8.self)
        #expect(
            line
                == #"{"id":"d1","url":"http://x","text":"Kyiv’s “army”","sentences":[{"start":0,"end":13}],"entities":[{"id":"e1","start":0,"end":4,"text":"Kyiv","label":"LOCATION","subtype":"city","canonical":{"name":"Kyiv","id":"geonames:703448"},"source":{"stage":"gazetteer","rule":"lexicon","lexicon":"places/cities.tsv:9"}}],"warnings":[{"code":"empty-text","message":"m","start":8,"end":12}]}"#
                + "\n")
    }

    @Test("writes error records")
    func errorRecord() {
        var writer = JSONWriter()
        DocumentEncoder.encode(
            DocumentFailure(id: "f:3", code: .malformedJSON, message: "bad", source: SourceLocation(path: "f", line: 3)),
            into: &writer)
        #expect(
            String(decoding: writer.bytes, as: UTF8.self)
                == #"{"id":"f:3","error":{"code":"malformed-json","message":"bad","source":"f:3"}}"# + "\n")
    }
}

/// A small deterministic random generator (SplitMix64) for reproducible tests.
struct ScannerRandom {
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
