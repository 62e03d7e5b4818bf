import Synchronization

/// A small memo of the look-ups the candidate search repeats from document to document: the
/// vocabulary IDs of short ASCII pieces ("the", "said", "Iraq") and trie transitions (with the
/// outputs and children of the node reached), in small set-associative tables (a set is one
/// 64-byte cache line of two or four slots, the slot last used first) that stay in the
/// processor's cache where the lexicon's own tables (tens of megabytes) do not; and the buffers
/// the search reuses from document to document.
///
/// Everything in it is a pure function of the immutable lexicon, so a memo changes no result.
/// One memo serves one thread at a time: `CandidateMemoPool.withMemo(_:)` lends memos.
final class CandidateMemo: @unchecked Sendable {
    /// A memoized piece: its bytes (up to 16 ASCII bytes, two little-endian words, zero-padded)
    /// and length (0: empty slot), and what `CompiledLexicon.resolve` finds for it in every
    /// mode: its vocabulary IDs as is (modes 0 and 2) and with capitals lowered (modes 1 and 3),
    /// which modes have an ID (bit m), and the trie roots it starts (bit r).
    struct PieceSlot {
        var word0: UInt64 = 0
        var word1: UInt64 = 0
        var exact = CompiledLexicon.none
        var lowered = CompiledLexicon.none
        var length: UInt8 = 0
        var modes: UInt8 = 0
        var roots: UInt8 = 0
    }

    /// A memoized piece of 1...8 ASCII bytes, none of them NUL: its bytes (little-endian,
    /// zero-padded, so they also give its length; 0: empty slot) and the `PieceSlot` look-ups
    /// packed: exact ID (bits 0-19), lowered ID (20-39), modes (40-43), roots (44-51). Four to
    /// a set (one cache line), for lexicons whose piece IDs fit in 20 bits.
    struct ShortPieceSlot {
        var word: UInt64 = 0
        var packed: UInt64 = 0
    }

    /// A memoized trie transition: `node << 32 | label` (`UInt64.max`: empty slot), the node
    /// reached (`CompiledLexicon.none` when there is none) and that node's two words of the node
    /// outputs section (output start with the children bit, and the next node's start), and
    /// the node's first output (the entry index) and its list, set when the node has outputs.
    struct EdgeSlot {
        var key = UInt64.max
        var to = CompiledLexicon.none
        var outputStart: UInt32 = 0
        var outputEnd: UInt32 = 0
        var firstOutput: UInt32 = 0
        var firstList: UInt32 = 0
    }

    /// A memoized trie transition in 16 bytes, four to a set, for lexicons small enough
    /// (`CompiledLexicon.packsEdges`): the `EdgeSlot` key, and packed: the node reached (bits
    /// 0-23, `0xFF_FFFF` for none), whether it has children (bit 24), its output count (bits
    /// 25-31; 127: that many or more, read from the node outputs), its first output's entry
    /// (bits 32-55) and list (bits 56-63).
    struct ShortEdgeSlot {
        var key = UInt64.max
        var value: UInt64 = 0
    }

    /// A memoized start piece, for memos with `packedEdges` and lexicons whose piece IDs fit 20
    /// bits: a token that is one ASCII piece of 1...16 bytes, none of them NUL (most tokens a
    /// surface starts with: "Iraq", "Washington"), with everything a walk from it reads first,
    /// in one 64-byte line: its bytes (two little-endian words, zero-padded, so they also give
    /// its length; `word0` 0: empty slot), its look-ups packed as in `ShortPieceSlot.packed`,
    /// and the `ShortEdgeSlot.value` of its first transition from each trie root it starts
    /// (bit r of its roots; the lowest `startEdgeCount` roots, lowest first: `edge(rank)`).
    /// One slot per line, direct-mapped.
    struct StartSlot {
        var word0: UInt64 = 0
        var word1: UInt64 = 0
        var packed: UInt64 = 0
        var edge0: UInt64 = 0
        var edge1: UInt64 = 0
        var edge2: UInt64 = 0
        var edge3: UInt64 = 0
        var edge4: UInt64 = 0

        /// The first transition from the root of this rank among the piece's roots (0 first).
        @inline(__always)
        func edge(_ rank: Int) -> UInt64 {
            switch rank {
            case 0: return edge0
            case 1: return edge1
            case 2: return edge2
            case 3: return edge3
            default: return edge4
            }
        }

        /// Sets the first transition from the root of this rank (below `startEdgeCount`).
        @inline(__always)
        mutating func setEdge(_ rank: Int, _ value: UInt64) {
            switch rank {
            case 0: edge0 = value
            case 1: edge1 = value
            case 2: edge2 = value
            case 3: edge3 = value
            default: edge4 = value
            }
        }
    }

    /// One piece of a memoized token (see `TokenSlot`): its vocabulary IDs in the four modes
    /// (`CompiledLexicon.none` where the piece does not occur), its end (bytes from the token's
    /// start) and the trie roots it starts.
    struct TokenPiece {
        var id0 = CompiledLexicon.none
        var id1 = CompiledLexicon.none
        var id2 = CompiledLexicon.none
        var id3 = CompiledLexicon.none
        var end: UInt8 = 0
        var roots: UInt8 = 0
    }

    /// A memoized token of 1...16 bytes that the quick path of the candidate search does not
    /// take (non-ASCII, or several pieces: "’s", "“", "U.S"): its bytes and length (0: empty
    /// slot, as in `PieceSlot`) and its pieces fully resolved in every mode, when it has at most
    /// two (`count`; 0: more, not memoized). One slot per 64-byte line.
    struct TokenSlot {
        var word0: UInt64 = 0
        var word1: UInt64 = 0
        var length: UInt8 = 0
        var count: UInt8 = 0
        var first = TokenPiece()
        var second = TokenPiece()
    }

    /// Pieces memoized are at most this long (in bytes).
    static let maxPieceLength = 16
    /// Each table has `1 << bits` slots, in sets of two (short pieces: four).
    static let shortPieceBits = 15
    static let pieceBits = 13
    static let edgeBits = 14
    static let shortEdgeBits = 15
    static let tokenBits = 11
    static let startBits = 14
    /// The first transitions a `StartSlot` holds (from the lowest roots its piece starts).
    static let startEdgeCount = 5

    let shortPieceSlots: UnsafeMutablePointer<ShortPieceSlot>
    let pieceSlots: UnsafeMutablePointer<PieceSlot>
    let edgeSlots: UnsafeMutablePointer<EdgeSlot>
    let shortEdgeSlots: UnsafeMutablePointer<ShortEdgeSlot>
    let tokenSlots: UnsafeMutablePointer<TokenSlot>
    /// Only for memos with `packedEdges` (else one slot, never used).
    let startSlots: UnsafeMutablePointer<StartSlot>

    /// Buffers reused from search to search: a document's piece records, the index of each
    /// token's first record (and one past the last token), the tokens where a surface may
    /// start, and their first pieces.
    private(set) var pieces: UnsafeMutablePointer<PieceInfo>
    private(set) var pieceCapacity = 1024
    private(set) var firstPieces: UnsafeMutablePointer<Int32>
    private(set) var starts: UnsafeMutablePointer<Int32>
    private(set) var startPieces: UnsafeMutablePointer<PieceInfo>
    /// Per start, `startEdgeCount` values: its first transitions, as in `StartSlot` (written
    /// only by searches that use the start slots).
    private(set) var startEdges: UnsafeMutablePointer<UInt64>
    /// The bytes of a batch of start pieces (`CompiledLexicon.resolveBatch` of them, two
    /// words each).
    let batchWords: UnsafeMutablePointer<UInt64>
    private var tokenCapacity = 1024

    /// What the cache-warming loads of the search read, folded together (never used: kept
    /// so the loads are not optimised away).
    var touched: UInt64 = 0

    /// True when transitions are memoized in `shortEdgeSlots` (else in `edgeSlots`).
    let packedEdges: Bool

    /// A memo; `packedEdges` only for a lexicon whose transitions fit `ShortEdgeSlot`
    /// (`CompiledLexicon.packsEdges`).
    init(packedEdges: Bool) {
        self.packedEdges = packedEdges
        shortPieceSlots = Self.allocateLines(ShortPieceSlot(), count: 1 << Self.shortPieceBits)
        pieceSlots = Self.allocateLines(PieceSlot(), count: 1 << Self.pieceBits)
        // Only one of the two transition tables is used: the other gets one set.
        edgeSlots = Self.allocateLines(EdgeSlot(), count: packedEdges ? 2 : 1 << Self.edgeBits)
        shortEdgeSlots = Self.allocateLines(ShortEdgeSlot(), count: packedEdges ? 1 << Self.shortEdgeBits : 4)
        tokenSlots = Self.allocateLines(TokenSlot(), count: 1 << Self.tokenBits)
        startSlots = Self.allocateLines(StartSlot(), count: packedEdges ? 1 << Self.startBits : 1)
        pieces = .allocate(capacity: pieceCapacity)
        firstPieces = .allocate(capacity: tokenCapacity + 1)
        starts = .allocate(capacity: tokenCapacity)
        startPieces = .allocate(capacity: tokenCapacity)
        startEdges = .allocate(capacity: tokenCapacity * Self.startEdgeCount)
        batchWords = .allocate(capacity: 2 * CompiledLexicon.resolveBatch)
    }

    /// `count` copies of `empty`, 64-byte aligned (so a set of two 32-byte slots is one line).
    private static func allocateLines<Slot>(_ empty: Slot, count: Int) -> UnsafeMutablePointer<Slot> {
        let raw = UnsafeMutableRawPointer.allocate(byteCount: MemoryLayout<Slot>.stride * count, alignment: 64)
        let slots = raw.bindMemory(to: Slot.self, capacity: count)
        slots.initialize(repeating: empty, count: count)
        return slots
    }

    deinit {
        UnsafeMutableRawPointer(shortPieceSlots).deallocate()
        UnsafeMutableRawPointer(pieceSlots).deallocate()
        UnsafeMutableRawPointer(edgeSlots).deallocate()
        UnsafeMutableRawPointer(shortEdgeSlots).deallocate()
        UnsafeMutableRawPointer(tokenSlots).deallocate()
        UnsafeMutableRawPointer(startSlots).deallocate()
        pieces.deallocate()
        firstPieces.deallocate()
        starts.deallocate()
        startPieces.deallocate()
        startEdges.deallocate()
        batchWords.deallocate()
    }

    /// Makes room for `count` tokens in `firstPieces` (plus one), `starts`, `startPieces` and
    /// `startEdges`.
    func reserveTokens(_ count: Int) {
        guard count > tokenCapacity else { return }
        tokenCapacity = max(count, tokenCapacity * 2)
        firstPieces.deallocate()
        starts.deallocate()
        startPieces.deallocate()
        startEdges.deallocate()
        firstPieces = .allocate(capacity: tokenCapacity + 1)
        starts = .allocate(capacity: tokenCapacity)
        startPieces = .allocate(capacity: tokenCapacity)
        startEdges = .allocate(capacity: tokenCapacity * Self.startEdgeCount)
    }

    /// Makes room for `count` pieces, keeping the first `kept`; returns the (maybe moved) buffer.
    func reservePieces(_ count: Int, keeping kept: Int) -> UnsafeMutablePointer<PieceInfo> {
        guard count > pieceCapacity else { return pieces }
        pieceCapacity = max(count, pieceCapacity * 2)
        let grown = UnsafeMutablePointer<PieceInfo>.allocate(capacity: pieceCapacity)
        grown.moveInitialize(from: pieces, count: kept)
        pieces.deallocate()
        pieces = grown
        return grown
    }

    /// The first slot of the set of a short piece (its bytes as one word).
    @inline(__always)
    static func shortPieceIndex(_ word: UInt64) -> Int {
        let mixed = (word ^ (word >> 31)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> UInt64(66 - shortPieceBits)) << 2
    }

    /// The first slot of the set of a piece (its bytes as two words and its length).
    @inline(__always)
    static func pieceIndex(_ word0: UInt64, _ word1: UInt64, _ length: Int) -> Int {
        let mixed = (word0 ^ (word1 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(truncatingIfNeeded: length)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> UInt64(65 - pieceBits)) << 1
    }

    /// The slot of a start piece (its bytes as two words, zero-padded) in the start table.
    @inline(__always)
    static func startIndex(_ word0: UInt64, _ word1: UInt64) -> Int {
        let mixed = (word0 ^ (word1 &* 0xC2B2_AE3D_27D4_EB4F)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> UInt64(64 - startBits))
    }

    /// The slot of a token (its bytes as two words and its length) in the token table.
    @inline(__always)
    static func tokenIndex(_ word0: UInt64, _ word1: UInt64, _ length: Int) -> Int {
        let mixed = (word0 ^ (word1 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(truncatingIfNeeded: length)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> UInt64(64 - tokenBits))
    }

    /// The first slot of the set of a transition key in the short-transition table.
    @inline(__always)
    static func shortEdgeIndex(_ key: UInt64) -> Int {
        let mixed = (key ^ (key >> 29)) &* 0xD6E8_FEB8_6659_FD93
        return Int(truncatingIfNeeded: mixed >> UInt64(66 - shortEdgeBits)) << 2
    }

    /// The first slot of the set of a transition key (`node << 32 | label`).
    @inline(__always)
    static func edgeIndex(_ key: UInt64) -> Int {
        let mixed = (key ^ (key >> 29)) &* 0xD6E8_FEB8_6659_FD93
        return Int(truncatingIfNeeded: mixed >> UInt64(65 - edgeBits)) << 1
    }
}

/// The memos not in use, lent to one search at a time.
final class CandidateMemoPool: Sendable {
    private let idle = Mutex<[CandidateMemo]>([])

    /// Whether the pool's memos use `CandidateMemo.ShortEdgeSlot` (the lexicon's choice).
    let packedEdges: Bool

    init(packedEdges: Bool) { self.packedEdges = packedEdges }

    /// Runs `body` with a memo of its own (taken from the pool, or new) and returns it after.
    func withMemo<Result>(_ body: (CandidateMemo) -> Result) -> Result {
        let memo = idle.withLock { $0.popLast() } ?? CandidateMemo(packedEdges: packedEdges)
        defer { idle.withLock { $0.append(memo) } }
        return body(memo)
    }
}
