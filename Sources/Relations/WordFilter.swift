/// A 4096-bit filter over lowercase ASCII word shapes (length, first, second and last byte):
/// a token whose shape is not in it is certainly not one of the words it was built from, so a
/// scan over every token skips it without hashing it. Words with non-ASCII bytes always pass.
struct WordFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 64)

    init(_ words: some Sequence<String>) {
        for word in words {
            let bytes = Array(word.utf8)
            guard !bytes.isEmpty else { continue }
            let slot = Self.slot(bytes.count, bytes[0], bytes.count > 1 ? bytes[1] : 0, bytes[bytes.count - 1])
            bits[slot >> 6] |= 1 << UInt64(slot & 63)
        }
    }

    /// True when the token `bytes[start..<end]` may be one of the words (case-insensitive).
    @inline(__always)
    func mayContain(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let length = end - start
        guard length > 0 else { return false }
        let first = Self.lower(bytes[start])
        let second = length > 1 ? Self.lower(bytes[start + 1]) : 0
        let last = Self.lower(bytes[end - 1])
        if first >= 0x80 || second >= 0x80 || last >= 0x80 { return true }
        let slot = Self.slot(length, first, second, last)
        return bits[slot >> 6] & (1 << UInt64(slot & 63)) != 0
    }

    @inline(__always)
    private static func lower(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }

    @inline(__always)
    private static func slot(_ length: Int, _ first: UInt8, _ second: UInt8, _ last: UInt8) -> Int {
        var hash = UInt32(truncatingIfNeeded: length) &* 0x9E37_79B1
        hash = (hash ^ UInt32(first)) &* 0x85EB_CA6B
        hash = (hash ^ UInt32(second)) &* 0xC2B2_AE35
        hash = (hash ^ UInt32(last)) &* 0x27D4_EB2F
        return Int((hash >> 20) & 4095)
    }
}
