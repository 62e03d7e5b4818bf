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

/// The key tables of document-level consistency: byte look-ups that give what the string
/// dictionaries they replace gave (first mention wins for names and heads, last for acronyms;
/// canonically equivalent spellings match where a key or the token is not ASCII).
@Suite("Gazetteer: consistency keys")
struct ConsistencyKeysTests {
    /// The look-up as `applyConsistency` makes it (the byte filter first), or `find` alone.
    static func find(_ keys: inout ConsistencyKeys, _ kind: ConsistencyKeys.Kind, _ text: String, filtered: Bool = true) -> Int32? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { bytes in
            let range = TextRange(0, bytes.count)
            guard !filtered || keys.mayContain(bytes, range) else { return nil }
            return keys.find(kind, bytes, range)
        }
    }

    static func keys(_ entries: [(ConsistencyKeys.Kind, String, Int32)]) -> ConsistencyKeys {
        var keys = ConsistencyKeys()
        for (kind, text, full) in entries {
            let bytes = Array(text.utf8)
            if full % 2 == 0 {
                bytes.withUnsafeBufferPointer { keys.append(kind, $0, TextRange(0, $0.count), full: full) }
            } else {
                keys.append(kind, text, full: full)
            }
        }
        keys.buildIndex()
        return keys
    }

    @Test("ASCII keys: first person and head mention wins, last acronym; kinds are apart")
    func asciiKeys() {
        var keys = Self.keys([
            (.person, "Austin", 0), (.person, "Lloyd", 0), (.person, "Austin", 1), (.acronym, "SDF", 2), (.acronym, "SDF", 3),
            (.head, "League", 4), (.head, "League", 5),
        ])
        #expect(Self.find(&keys, .person, "Austin") == 0)
        #expect(Self.find(&keys, .person, "Lloyd") == 0)
        #expect(Self.find(&keys, .acronym, "SDF") == 3)
        #expect(Self.find(&keys, .head, "League") == 4)
        #expect(Self.find(&keys, .person, "SDF") == nil)
        #expect(Self.find(&keys, .person, "austin") == nil)
        #expect(Self.find(&keys, .person, "Austi") == nil)
    }

    @Test("A token or key that is not ASCII is compared as a string (canonical equivalence)")
    func stringKeys() {
        // U+212A KELVIN SIGN is canonically equivalent to "K"
        var ascii = Self.keys([(.person, "Kallas", 0)])
        #expect(Self.find(&ascii, .person, "\u{212A}allas", filtered: false) == ("\u{212A}allas" == "Kallas" ? 0 : nil))
        var composed = Self.keys([(.person, "Jos\u{E9}", 0), (.person, "Jose\u{301}", 1), (.acronym, "É", 2), (.acronym, "E\u{301}", 3)])
        #expect(Self.find(&composed, .person, "Jose\u{301}", filtered: false) == 0)
        #expect(Self.find(&composed, .person, "Jos\u{E9}") == 0)
        #expect(Self.find(&composed, .acronym, "É", filtered: false) == 3)
        #expect(Self.find(&composed, .person, "Jose") == nil)
    }
}

/// `PackedWordTable.pack`: the one-load path for short words gives what the byte loop gives.
@Suite("Gazetteer: packed words")
struct PackedWordTests {
    /// The byte-by-byte packing (capitals lowered when asked), as a reference.
    static func reference(_ bytes: [UInt8], _ start: Int, _ end: Int, lowered: Bool) -> (UInt64, UInt64) {
        var a: UInt64 = 0
        var b: UInt64 = 0
        for index in start..<end {
            var byte = bytes[index]
            if lowered, byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            let offset = index - start
            if offset < 8 { a |= UInt64(byte) << UInt64(offset * 8) } else { b |= UInt64(byte) << UInt64((offset - 8) * 8) }
        }
        return (a, b)
    }

    @Test("Every span of a text packs as the byte loop packs it, at the buffer's end too")
    func packMatchesBytes() {
        let bytes = Array("The NATO Ministry of Défense, [AZ] @`{ Zelenskiy’s 1234567890 ABCDEFGHIJKLMNOP".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            for start in 0..<bytes.count {
                for end in start...min(bytes.count, start + 16) {
                    for lowered in [false, true] {
                        let packed = PackedWordTable.pack(buffer, start, end, lowered: lowered)
                        let expected = Self.reference(bytes, start, end, lowered: lowered)
                        #expect(packed == expected, "\(start)..<\(end) lowered: \(lowered)")
                    }
                }
            }
        }
    }
}
