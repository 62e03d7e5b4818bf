import Testing
import GazetteCore

@testable import Gazetteer

/// The byte-level helpers the matcher uses instead of strings: piece hashes computed 8 bytes at
/// a time (with ASCII capitals lowered on the fly), and packed word sets.
@Suite("Gazetteer: byte hashing")
struct ByteHashingTests {
    static func hash(_ text: String, lowercase: Bool = false) -> UInt32 {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { LexiconBlob.hash($0, 0, $0.count, lowercase: lowercase) }
    }

    @Test("Lowered hashes equal the hashes of the lower-case text", arguments: [
        "NATO", "Kyiv", "a", "", "North-Korea", "ABCDEFGH", "ABCDEFGHI", "Zelenskiy's", "MixedCASE1234567890XYZ", "@[`{",
    ])
    func loweredHash(_ text: String) {
        #expect(Self.hash(text, lowercase: true) == Self.hash(text.lowercased()))
    }

    @Test("Different pieces hash differently (length, padding, every word)")
    func distinctHashes() {
        let pieces = ["a", "a\u{0}", "ab", "abcdefgh", "abcdefgh\u{0}", "abcdefghi", "abcdefgi", "bbcdefghi", "abcdefghj"]
        #expect(Set(pieces.map { Self.hash($0) }).count == pieces.count)
    }

    @Test("lowerASCII lowers A-Z only: other ASCII and non-ASCII bytes are kept")
    func lowerASCII() {
        let cases: [(String, String)] = [("AZaz@[`{", "azaz@[`{"), ("ÉCOLE", "\u{C9}cole"), ("09:;<=>?", "09:;<=>?")]
        for (input, expected) in cases {
            var word: UInt64 = 0
            for (offset, byte) in input.utf8.prefix(8).enumerated() { word |= UInt64(byte) << UInt64(offset * 8) }
            var lowered: [UInt8] = []
            let result = LexiconBlob.lowerASCII(word)
            for offset in 0..<min(8, input.utf8.count) { lowered.append(UInt8(truncatingIfNeeded: result >> UInt64(offset * 8))) }
            #expect(lowered == Array(expected.utf8.prefix(8)), "\(input)")
        }
    }

    @Test("A partial word at the end of a buffer is read byte by byte, the same value")
    func loadAtEnd() {
        let bytes: [UInt8] = Array("xxKyiv".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(LexiconBlob.load(buffer, 2, 4) == LexiconBlob.pack(Array("Kyiv".utf8)))
            #expect(LexiconBlob.hash(buffer, 2, 6) == Self.hash("Kyiv"))
        }
    }

    @Test("Packed word sets: case-insensitive ASCII look-up, exact length")
    func packedWordSet() {
        let set = PackedWordSet(["the", "however", "yesterday", "a", "averyveryverylongword"])
        func contains(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { set.contains($0, 0, $0.count) }
        }
        #expect(contains("The"))
        #expect(contains("HOWEVER"))
        #expect(contains("yesterday"))
        #expect(contains("A"))
        #expect(!contains("Theory"))
        #expect(!contains("th"))
        #expect(!contains(""))
        #expect(!contains("averyveryverylongword"))  // over 16 bytes: not kept
    }

    @Test("Exact word sets: case kept, any length, strings decide for tokens that are not ASCII")
    func exactWordSet() {
        let words: Set<String> = ["of", "St.", "Kingdom", "della", "averyveryverylongwordindeed"]
        let set = ExactWordSet(words)
        func contains(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { set.contains($0, TextRange(0, $0.count)) }
        }
        #expect(contains("of"))
        #expect(contains("St."))
        #expect(contains("della"))
        #expect(contains("averyveryverylongwordindeed"))  // over 16 bytes: kept as a string
        #expect(!contains("Of"))
        #expect(!contains("o"))
        #expect(!contains("St"))
        #expect(!contains("Kingdoms"))
        // KELVIN SIGN + "ingdom" equals "Kingdom" as a string (canonical equivalence), as before
        #expect(contains("\u{212A}ingdom") == words.contains("\u{212A}ingdom"))
        #expect(!contains("Königdom"))
        // a set holding a word that is not ASCII compares every token as a string
        let accented = ExactWordSet(["Bogotá"])
        let decomposed = Array("Bogota\u{301}".utf8)
        #expect(decomposed.withUnsafeBufferPointer { accented.contains($0, TextRange(0, $0.count)) })
    }

    @Test("Surname filter: every inserted key may be contained")
    func surnameFilter() {
        let keys = (0..<2000).map { "Name\($0)son" }
        let filter = SurnameFilter(keys)
        for key in keys {
            let bytes = Array(key.utf8)
            #expect(bytes.withUnsafeBufferPointer { filter.mayContain($0, 0, $0.count) })
        }
    }

    @Test("Entity template cache: stores and finds templates past its first capacity")
    func templateCache() {
        let cache = EntityTemplateCache()
        var templates: [EntityTemplate] = []
        for raw in 0..<3000 {
            let template = EntityTemplate(
                label: .location, subtype: raw % 2 == 0 ? "city" : "oblast", canonical: nil,
                features: ["population": String(raw), "hint": "military"], lexicon: nil)
            templates.append(template)
            cache.store(template, for: LexiconEntryID(rawValue: UInt32(raw * 7)))
        }
        for raw in 0..<3000 {
            #expect(cache.template(for: LexiconEntryID(rawValue: UInt32(raw * 7))) === templates[raw])
        }
        #expect(cache.template(for: LexiconEntryID(rawValue: 1)) == nil)
        #expect(templates[0].subtypeCode == .city && templates[1].subtypeCode == .fromDetails)
        #expect(templates[5].population == 5 && templates[5].hintSubtype == .military)
    }
}
