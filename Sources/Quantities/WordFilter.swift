/// A small open-addressing set of folded words, for a quick "can this token start a number
/// word?" test that hashes nothing but the token's bytes (most words are rejected here).
///
/// Before hashing, a token is checked against the shapes of the words inserted: its length and
/// its first two (ASCII-folded) bytes, reduced to five bits each. An ordinary word ("the",
/// "said", "and") shares no shape with any number word and is rejected by one table read,
/// without its bytes being hashed.
struct WordFilter: Sendable {
    private var slots = [UInt64](repeating: 0, count: 1024)
    /// Per shape key (`shapeKey`): a bit per word length (bit 31 for 31 bytes and more).
    private var shapes = [UInt32](repeating: 0, count: 1024)
    /// The longest word inserted, in bytes (a longer token is none of them).
    private(set) var longest = 0

    init() {}

    /// A filter holding `words`.
    init(_ words: some Sequence<String>) {
        for word in words { insert(word) }
    }

    /// FNV-1a over ASCII-folded bytes; never 0.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var value: UInt64 = 0xcbf29ce484222325
        for offset in start..<end {
            value = (value ^ UInt64(SurfaceTrie.fold(bytes[offset]))) &* 0x100000001b3
        }
        return value | 1
    }

    /// The shape table index of the non-empty word `[start, end)`: the low five bits of its first
    /// two folded bytes (the second taken as 0 for a one-byte word). Folded bytes that are equal
    /// give equal keys, so a word and every token that folds to it share the key.
    @inline(__always)
    func shapeKey(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        let first = Int(lowBits[Int(bytes[start])])
        let second = end - start >= 2 ? Int(lowBits[Int(bytes[start + 1])]) : 0
        return first << 5 | second
    }

    /// Per byte: the low five bits of the byte as `SurfaceTrie.fold` folds it (a table, so that
    /// the shape test has no branches).
    private let lowBits: [UInt8] = (0...255).map { SurfaceTrie.fold(UInt8($0)) & 31 }

    /// The length bit of a word of `length` bytes in a shape entry.
    @inline(__always)
    static func lengthBit(_ length: Int) -> UInt32 { 1 << UInt32(min(length, 31)) }

    mutating func insert(_ word: String) {
        let bytes = Array(word.lowercased().utf8)
        longest = max(longest, bytes.count)
        let value = bytes.withUnsafeBufferPointer { Self.hash($0, 0, $0.count) }
        if !bytes.isEmpty {
            let key = bytes.withUnsafeBufferPointer { shapeKey($0, 0, $0.count) }
            shapes[key] |= Self.lengthBit(bytes.count)
        }
        var slot = Int(truncatingIfNeeded: value & 1023)
        while slots[slot] != 0 && slots[slot] != value { slot = (slot + 1) & 1023 }
        slots[slot] = value
    }

    /// Calls `body` with the shape test's tables (`shapes`, `lowBits`) as pointers, for a loop
    /// over many tokens that reads them without reloading or bounds checks; `mayContain` with
    /// them is the shape test of `contains`.
    @inline(__always)
    func withShapeTables<R>(_ body: (UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        shapes.withUnsafeBufferPointer { shapes in lowBits.withUnsafeBufferPointer { lowBits in body(shapes, lowBits) } }
    }

    /// The shape test of `contains` on tables from `withShapeTables`: false when no word has the
    /// length and first two bytes of the non-empty text `[start, end)`.
    @inline(__always)
    static func mayContain(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
        shapes: UnsafeBufferPointer<UInt32>, lowBits: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        let length = end - start
        let first = Int(lowBits[Int(bytes[start])])
        let second = length >= 2 ? Int(lowBits[Int(bytes[start + 1])]) : 0
        return shapes[first << 5 | second] & lengthBit(length) != 0
    }

    /// `contains` for a word given by what it computes from the word's folded bytes: `fnv`, the
    /// FNV-1a value over them (`hash` before its low bit is set), their count and the first two
    /// (0 for a missing one). For text folded on the fly, with no buffer.
    func contains(fnv: UInt64, length: Int, first: UInt8, second: UInt8) -> Bool {
        if length > 0 {
            let key = Int(lowBits[Int(first)]) << 5 | (length >= 2 ? Int(lowBits[Int(second)]) : 0)
            if shapes[key] & Self.lengthBit(length) == 0 { return false }
        }
        let value = fnv | 1
        var slot = Int(truncatingIfNeeded: value & 1023)
        while slots[slot] != 0 {
            if slots[slot] == value { return true }
            slot = (slot + 1) & 1023
        }
        return false
    }

    /// True when the folded bytes `[start, end)` are (by their hash) one of the words.
    @inline(__always)
    func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        // No inserted word has this length and these first two bytes (the empty word is never
        // rejected here: it has no shape and goes to the hash as before).
        if end > start, shapes[shapeKey(bytes, start, end)] & Self.lengthBit(end - start) == 0 { return false }
        let value = Self.hash(bytes, start, end)
        var slot = Int(truncatingIfNeeded: value & 1023)
        while slots[slot] != 0 {
            if slots[slot] == value { return true }
            slot = (slot + 1) & 1023
        }
        return false
    }
}
