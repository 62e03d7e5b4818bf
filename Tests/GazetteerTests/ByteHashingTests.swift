import Testing

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
}
