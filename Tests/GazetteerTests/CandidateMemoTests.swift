import GazetteCore
import Testing

@testable import Gazetteer

@Suite("Gazetteer: candidate search memo and fast paths")
struct CandidateMemoTests {
    static let texts = [
        "North Korea has sent soldiers to Russia, the New York Times reported on Monday.",
        "The U.S. Secretary of State met Jean-Claude Juncker in São Paulo and Sao Paulo.",
        "In 2014, 1.5bn people in the United States and the UK watched NORTH KOREA play.",
        "Bashar al-Assad’s forces; Volodymyr Zelenskiy’s allies (Gen. Smith) said: \"No.\"",
        "Côte d’Ivoire, Cote d'Ivoire, Zurich and Zürich are places; us and US are codes.",
        "Averyveryverylongwordwithoutend ThirteenChars Sixteencharacter Seventeenletters 1234567890123456789",
    ]

    /// The search with `memo` for every label, and for entity labels only.
    func search(_ lexicon: CompiledLexicon, _ document: Document, _ memo: CandidateMemo) -> [[LexiconCandidate]] {
        document.withUTF8 { bytes in
            var results = [lexicon.candidates(text: bytes, tokens: document.tokens, roots: lexicon.activeRoots, allowed: [], memo: memo)]
            let allowed = lexicon.listLabels.map { LexiconLabel.entityLabels.contains($0) }
            results.append(lexicon.candidates(text: bytes, tokens: document.tokens, roots: lexicon.activeRoots & 0x0F, allowed: allowed, memo: memo))
            return results
        }
    }

    @Test(arguments: [false, true])
    func aWarmMemoChangesNoCandidate(packedEdges: Bool) throws {
        let lexicon = try #require(Fixtures.base)
        #expect(lexicon.packsEdges)
        let shared = CandidateMemo(packedEdges: packedEdges)
        var total = 0
        // Twice through the same memo (the second time every look-up comes from it), each
        // against a fresh memo and against the public entry point.
        for round in 0..<2 {
            for text in Self.texts {
                let document = try tokenized(text)
                let warm = search(lexicon, document, shared)
                let cold = search(lexicon, document, CandidateMemo(packedEdges: !packedEdges))
                #expect(warm == cold, "round \(round): \(text)")
                #expect(warm[0] == lexicon.candidates(in: document), "\(text)")
                #expect(warm[1] == lexicon.candidates(in: document, labels: LexiconLabel.entityLabels), "\(text)")
                total += warm[0].count
            }
        }
        #expect(total > 20)
    }

    @Test(arguments: [false, true])
    func memoSlotConflictsChangeNoCandidate(packedEdges: Bool) throws {
        let lexicon = try #require(Fixtures.base)
        // Many distinct pieces through one memo: slots are overwritten again and again.
        var words: [String] = []
        for index in 0..<20_000 { words.append("w\(String(index, radix: 36))") }
        let filler = words.joined(separator: " ")
        let shared = CandidateMemo(packedEdges: packedEdges)
        for text in Self.texts {
            let document = try tokenized(filler + ". " + text + " " + filler)
            #expect(search(lexicon, document, shared) == search(lexicon, document, CandidateMemo(packedEdges: !packedEdges)))
        }
    }

    @Test func memoBuffersGrowForLongDocuments() throws {
        let lexicon = try #require(Fixtures.base)
        let text = String(repeating: "U.S.-backed forces in North Korea, 1.5bn. ", count: 400)
        let document = try tokenized(text)
        let found = lexicon.candidates(in: document)
        #expect(found.filter { document.text(of: $0.range) == "North Korea" }.count == 400)
        #expect(found == search(lexicon, document, CandidateMemo(packedEdges: false))[0])
    }

    /// A token memo slot holds what splitting the token and resolving each piece in every mode
    /// gives (the path the search took before the token memo), or no pieces past two.
    @Test func tokenMemoResolvesAsSplittingDoes() throws {
        let lexicon = try #require(Fixtures.base)
        let memo = CandidateMemo(packedEdges: true)
        var known = 0
        for token in ["’s", "“", "”", "—", "Zürich", "São", "Côte", "U.S", "d’Ivoire", "Jean-Claude", "1.5bn", "al-Assad", "'s"] {
            var copy = token
            let (slot, expected, word0, word1, count) = copy.withUTF8 { bytes in
                let (word0, word1) = words(Array(bytes))
                var scratch: [UInt8] = []
                let slot = lexicon.memoizedToken(bytes, 0, bytes.count, word0, word1, memo, &scratch)
                var expected: [PieceInfo] = []
                PieceSplitter.pieces(bytes, 0, bytes.count) { start, end in
                    var info = PieceInfo(start: Int32(start), end: Int32(end), token: 0, space: false)
                    lexicon.resolve(&info, bytes, 0xF, &scratch)
                    expected.append(info)
                }
                return (slot, expected, word0, word1, bytes.count)
            }
            #expect(Int(slot.length) == count && slot.word0 == word0 && slot.word1 == word1, "\(token)")
            if expected.count > 2 {
                #expect(slot.count == 0, "\(token)")
                continue
            }
            #expect(Int(slot.count) == expected.count, "\(token)")
            for (index, info) in expected.enumerated() {
                let piece = index == 0 ? slot.first : slot.second
                let same = piece.id0 == info.id0 && piece.id1 == info.id1 && piece.id2 == info.id2 && piece.id3 == info.id3
                #expect(same, "\(token)")
                #expect(piece.roots == info.roots && Int(piece.end) == Int(info.end), "\(token)")
                if [info.id0, info.id1, info.id2, info.id3].contains(where: { $0 != CompiledLexicon.none }) { known += 1 }
            }
        }
        #expect(known > 0)
    }

    /// Bytes of `text` as the two little-endian words the fast paths read.
    func words(_ bytes: [UInt8]) -> (UInt64, UInt64) {
        bytes.withUnsafeBufferPointer { buffer in
            (LexiconBlob.load(buffer, 0, min(buffer.count, 8)), buffer.count > 8 ? LexiconBlob.load(buffer, 8, buffer.count - 8) : 0)
        }
    }

    @Test func wordAtATimeLetterAndDigitTestsMatchTheByteTests() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array(0x20...0x7E) + [0x09, 0x0A, 0x00, 0x7F]
        for _ in 0..<20_000 {
            let length = Int.random(in: 2...16, using: &generator)
            let pick = Int.random(in: 0..<3, using: &generator)
            let bytes: [UInt8] = (0..<length).map { _ in
                switch pick {
                case 0: UInt8.random(in: 0x61...0x7A, using: &generator) & (Bool.random(using: &generator) ? 0xDF : 0xFF)
                case 1: Bool.random(using: &generator) ? UInt8.random(in: 0x30...0x39, using: &generator) : alphabet.randomElement(using: &generator) ?? 0
                default: alphabet.randomElement(using: &generator) ?? 0
                }
            }
            let (word0, word1) = words(bytes)
            let letters = bytes.withUnsafeBufferPointer { PieceSplitter.isSinglePiece($0, 0, $0.count) }
            #expect(CompiledLexicon.allLetters(word0, word1, length) == letters, "\(bytes)")
            #expect(CompiledLexicon.allDigits(word0, word1, length) == bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }, "\(bytes)")
        }
        for edge in ["@", "[", "`", "{", "/", ":", "AZaz", "09"] {
            let bytes = Array(("a" + edge).utf8)
            let (word0, word1) = words(bytes)
            #expect(CompiledLexicon.allLetters(word0, word1, bytes.count) == bytes.allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A })
        }
    }

    /// The word start filter lets through every piece without capitals that starts a surface
    /// (so skipping the look-up of the others changes no candidate), and few others.
    @Test func wordFilterPassesEveryLowerCaseStartPiece() throws {
        var lexicons = [try #require(Fixtures.base)]
        if case let .success(bundled)? = Fixtures.bundled { lexicons.append(bundled) }
        for lexicon in lexicons {
            var starts = 0
            for slot in 0...lexicon.vocabularyMask {
                let word = lexicon.vocabularyWords[slot * 4 + 1]
                let length = Int(word & 0xF_FFFF)
                guard word != 0, word >> 24 != 0, (1...16).contains(length) else { continue }
                let bytes: [UInt8] = length <= 8
                    ? (0..<length).map { UInt8(truncatingIfNeeded: (UInt64(lexicon.vocabularyWords[slot * 4 + 2]) | UInt64(lexicon.vocabularyWords[slot * 4 + 3]) << 32) >> UInt64($0 * 8)) }
                    : Array(UnsafeBufferPointer(start: lexicon.pool + Int(lexicon.vocabularyWords[slot * 4 + 2]), count: length))
                guard bytes.allSatisfy({ $0 < 0x80 && !(0x41...0x5A).contains($0) }) else { continue }
                let (word0, word1) = words(bytes)
                #expect(lexicon.wordFilterContains(word0, word1, length), "\(String(decoding: bytes, as: UTF8.self))")
                starts += 1
            }
            #expect(starts > 0)
            var passed = 0
            for index in 0..<10_000 {
                let (word0, word1) = words(Array("zq\(String(index, radix: 36))x".utf8))
                if lexicon.wordFilterContains(word0, word1, 4 + String(index, radix: 36).count - 1) { passed += 1 }
            }
            #expect(passed < 200)
        }
    }

    @Test func capitalTestFindsEveryCapital() {
        for length in 1...16 {
            for position in 0..<length {
                for byte in [UInt8(0x41), 0x5A, 0x61, 0x7A, 0x30, 0x2E] {
                    var bytes = [UInt8](repeating: 0x61, count: length)
                    bytes[position] = byte
                    let (word0, word1) = words(bytes)
                    let capital = (0x41...0x5A).contains(byte)
                    if capital { #expect(CompiledLexicon.mayHaveCapitals(word0, word1, length), "\(bytes)") }
                    if byte == 0x61 || byte == 0x30 || byte == 0x2E { #expect(!CompiledLexicon.mayHaveCapitals(word0, word1, length), "\(bytes)") }
                }
            }
        }
    }

    @Test func bucketListIndexMatchesTheEntryTable() throws {
        let lexicon = try #require(Fixtures.base)
        #expect(lexicon.entriesInListOrder)
        for entry in 0..<UInt32(lexicon.entryCount) {
            #expect(lexicon.cachedListIndex(of: entry) == lexicon.listIndex(of: entry))
        }
        if case let .success(bundled)? = Fixtures.bundled {
            var mismatches = 0
            for entry in stride(from: UInt32(0), to: UInt32(bundled.entryCount), by: 7) where bundled.cachedListIndex(of: entry) != bundled.listIndex(of: entry) {
                mismatches += 1
            }
            #expect(mismatches == 0)
        }
    }
}
