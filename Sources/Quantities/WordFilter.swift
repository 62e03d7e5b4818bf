/// A small open-addressing set of folded words, for a quick "can this token start a number
/// word?" test that hashes nothing but the token's bytes (most words are rejected here).
///
/// Before hashing, a token is checked against the shapes of the words inserted: a one-byte
/// token by its (folded) byte; a longer one by its length with its first two (ASCII-folded)
/// bytes, and by its length with its last byte, bytes reduced to five bits each. An ordinary
/// word ("the", "said", "and") shares no shape with any number word and is rejected by a table
/// read or two, without its bytes being hashed.
struct WordFilter: Sendable {
    private var slots = [UInt64](repeating: 0, count: 1024)
    /// The shape tables, one array: `shapeKey` → a bit per word length (bit 31 for 31 bytes and
    /// more) for words of two bytes or more; at `singleBase + fold(byte)`, 1 for a one-byte
    /// word; at `lastBase + min(length, 31)`, a bit per last byte (five bits of it).
    private var shapes = [UInt32](repeating: 0, count: Self.shapeCount)
    /// The longest word inserted, in bytes (a longer token is none of them).
    private(set) var longest = 0

    static let singleBase = 1024
    static let lastBase = 1024 + 256
    static let shapeCount = 1024 + 256 + 32

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

    /// Per byte: the low five bits of the byte as `SurfaceTrie.fold` folds it (a table, so that
    /// the shape test has no branches). Folded bytes that are equal give equal entries, so a word
    /// and every token that folds to it have the same shape.
    private let lowBits: [UInt8] = (0...255).map { SurfaceTrie.fold(UInt8($0)) & 31 }

    /// The length bit of a word of `length` bytes in a shape entry.
    @inline(__always)
    static func lengthBit(_ length: Int) -> UInt32 { 1 << UInt32(min(length, 31)) }

    mutating func insert(_ word: String) {
        let bytes = Array(word.lowercased().utf8)
        longest = max(longest, bytes.count)
        let value = bytes.withUnsafeBufferPointer { Self.hash($0, 0, $0.count) }
        if bytes.count == 1 {
            shapes[Self.singleBase + Int(SurfaceTrie.fold(bytes[0]))] = 1
        } else if bytes.count >= 2 {
            let first = Int(lowBits[Int(bytes[0])])
            let second = Int(lowBits[Int(bytes[1])])
            shapes[first << 5 | second] |= Self.lengthBit(bytes.count)
            shapes[Self.lastBase + min(bytes.count, 31)] |= 1 << UInt32(lowBits[Int(bytes[bytes.count - 1])])
        }
        var slot = Int(truncatingIfNeeded: value & 1023)
        while slots[slot] != 0 && slots[slot] != value { slot = (slot + 1) & 1023 }
        slots[slot] = value
    }

    /// Calls `body` with the shape tables (`shapes`, `lowBits`), for a loop over many tokens that
    /// reads them through pointers, without reloading or bounds checks; `mayContain` with them is
    /// the shape test of `contains`.
    @inline(__always)
    func withShapeTables<R>(_ body: (UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        shapes.withUnsafeBufferPointer { shapes in lowBits.withUnsafeBufferPointer { lowBits in body(shapes, lowBits) } }
    }

    /// The shape test of `contains` on the base addresses of the tables from `withShapeTables`:
    /// false when no word has the shape of the text of `length` bytes (at least one) at `bytes`.
    @inline(__always)
    static func mayContain(_ bytes: UnsafePointer<UInt8>, length: Int, shapes: UnsafePointer<UInt32>, lowBits: UnsafePointer<UInt8>) -> Bool {
        if length == 1 { return shapes[singleBase + Int(SurfaceTrie.fold(bytes[0]))] != 0 }
        let first = Int(lowBits[Int(bytes[0])])
        let second = Int(lowBits[Int(bytes[1])])
        guard shapes[first << 5 | second] & lengthBit(length) != 0 else { return false }
        let last = lowBits[Int(bytes[length &- 1])]
        return shapes[lastBase + min(length, 31)] & (1 << UInt32(last)) != 0
    }

    /// The shape test of a word of `length` bytes with these first, second and last bytes.
    @inline(__always)
    private func hasShape(length: Int, first: UInt8, second: UInt8, last: UInt8) -> Bool {
        if length == 1 { return shapes[Self.singleBase + Int(SurfaceTrie.fold(first))] != 0 }
        guard shapes[Int(lowBits[Int(first)]) << 5 | Int(lowBits[Int(second)])] & Self.lengthBit(length) != 0 else { return false }
        return shapes[Self.lastBase + min(length, 31)] & (1 << UInt32(lowBits[Int(last)])) != 0
    }

    /// `contains` for a word given by what it computes from the word's folded bytes: `fnv`, the
    /// FNV-1a value over them (`hash` before its low bit is set), their count, the first two (0
    /// for a missing one) and the last. For text folded on the fly, with no buffer.
    func contains(fnv: UInt64, length: Int, first: UInt8, second: UInt8, last: UInt8) -> Bool {
        if length > 0, !hasShape(length: length, first: first, second: second, last: last) { return false }
        return lookUp(fnv | 1)
    }

    /// True when the folded bytes `[start, end)` are (by their hash) one of the words.
    @inline(__always)
    func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        // No inserted word has this shape (the empty word is never rejected here: it has no
        // shape and goes to the hash as before).
        if end > start,
           !hasShape(length: end - start, first: bytes[start], second: end - start >= 2 ? bytes[start + 1] : 0, last: bytes[end - 1]) {
            return false
        }
        return lookUp(Self.hash(bytes, start, end))
    }

    @inline(__always)
    private func lookUp(_ value: UInt64) -> Bool {
        var slot = Int(truncatingIfNeeded: value & 1023)
        while slots[slot] != 0 {
            if slots[slot] == value { return true }
            slot = (slot + 1) & 1023
        }
        return false
    }
}
