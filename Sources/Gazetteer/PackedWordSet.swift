/// A set of short ASCII words (up to 16 bytes), looked up by the bytes of a token with ASCII
/// capitals lowered: no string is built and no hasher runs. Words that are not ASCII or longer
/// than 16 bytes are left out (callers check those another way).
struct PackedWordSet: Sendable {
    static let maxLength = PackedWordTable.maxLength
    private let table: PackedWordTable

    init<Words: Sequence<String>>(_ words: Words) {
        let kept = words.filter { $0.utf8.count <= Self.maxLength && $0.utf8.allSatisfy { $0 < 0x80 } }
        table = PackedWordTable(kept.map { word in
            let bytes = Array(word.utf8)
            let (a, b) = bytes.withUnsafeBufferPointer { Self.pack($0, 0, $0.count) }
            return (a, b, bytes.count)
        })
    }

    /// True when `bytes[start..<end]`, ASCII capitals lowered, is one of the words.
    func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let length = end - start
        guard length > 0, length <= Self.maxLength else { return false }
        let (a, b) = Self.pack(bytes, start, end)
        return table.contains(a, b, length)
    }

    /// The bytes, ASCII capitals lowered, little-endian in two words.
    @inline(__always)
    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (UInt64, UInt64) {
        PackedWordTable.pack(bytes, start, end, lowered: true)
    }
}

/// An open-addressed table of words of up to 16 bytes, each packed little-endian into two
/// integers with its length: the storage of `PackedWordSet` (capitals lowered) and
/// `ExactWordSet` (case kept), which pack the words and the looked-up bytes alike.
struct PackedWordTable: Sendable {
    static let maxLength = 16
    private var low: [UInt64]
    private var high: [UInt64]
    private var lengths: [UInt8]
    private let mask: Int

    /// A table of packed words: the two integers and the length (1...16) of each.
    init(_ packed: [(UInt64, UInt64, Int)]) {
        var capacity = 16
        while capacity < packed.count * 4 { capacity <<= 1 }
        mask = capacity - 1
        low = [UInt64](repeating: 0, count: capacity)
        high = low
        lengths = [UInt8](repeating: 0, count: capacity)
        for (a, b, length) in packed {
            var slot = Self.slot(a, b, length, mask)
            while lengths[slot] != 0, !(low[slot] == a && high[slot] == b && Int(lengths[slot]) == length) {
                slot = (slot + 1) & mask
            }
            low[slot] = a
            high[slot] = b
            lengths[slot] = UInt8(length)
        }
    }

    /// True when the packed word is in the table.
    @inline(__always)
    func contains(_ a: UInt64, _ b: UInt64, _ length: Int) -> Bool {
        var slot = Self.slot(a, b, length, mask)
        while lengths[slot] != 0 {
            if low[slot] == a, high[slot] == b, Int(lengths[slot]) == length { return true }
            slot = (slot + 1) & mask
        }
        return false
    }

    @inline(__always)
    private static func slot(_ a: UInt64, _ b: UInt64, _ length: Int, _ mask: Int) -> Int {
        let mixed = (a ^ (b &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(length)) &* 0xD6E8_FEB8_6659_FD93
        return Int(truncatingIfNeeded: mixed >> 40) & mask
    }

    /// The bytes `bytes[start..<end]` (at most 16), little-endian in two words, with ASCII
    /// capitals lowered when `lowered` (other bytes kept). A word of up to 8 bytes with 8 bytes of
    /// the buffer from its start is read in one load, masked to its length and lowered eight
    /// bytes at a time (`LexiconBlob.lowerASCII`); any other is packed byte by byte (the same result).
    @inline(__always)
    static func pack(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, lowered: Bool) -> (UInt64, UInt64) {
        let length = end - start
        if length > 0, length <= 8, start >= 0, start + 8 <= bytes.count, let base = bytes.baseAddress {
            let loaded = UInt64(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self))
            let word = length == 8 ? loaded : loaded & ((1 << UInt64(length * 8)) - 1)
            return (lowered ? LexiconBlob.lowerASCII(word) : word, 0)
        }
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
}
