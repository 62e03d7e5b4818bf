/// A prefilter for a scan over every token: for each pair of first two letters (case folded by
/// keeping the low five bits), the lengths of the words that start with them. A token whose
/// pair and length are not in it is certainly not one of the words, so the scan skips it
/// without hashing it.
struct WordFilter: Sendable {
    /// (first & 31) << 5 | (second & 31) → bit n set when a word of n bytes (capped at 63) starts so.
    private var lengths = [UInt64](repeating: 0, count: 1024)
    /// True when a word has a non-ASCII first or second byte (such tokens then always pass).
    private var passNonASCII = false

    init(_ words: some Sequence<String>) {
        for word in words {
            let bytes = Array(word.utf8)
            guard !bytes.isEmpty else { continue }
            let second = bytes.count > 1 ? bytes[1] : 0
            if bytes[0] >= 0x80 || second >= 0x80 { passNonASCII = true }
            lengths[Self.key(bytes[0], second)] |= 1 << UInt64(min(bytes.count, 63))
        }
    }

    /// True when the token `bytes[start..<end]` may be one of the words (case-insensitive).
    @inline(__always)
    func mayContain(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let length = end - start
        guard length > 0 else { return false }
        let first = bytes[start]
        let second = length > 1 ? bytes[start + 1] : 0
        if first >= 0x80 || second >= 0x80 { return passNonASCII }
        return lengths[Self.key(first, second)] & (1 &<< UInt64(truncatingIfNeeded: min(length, 63))) != 0
    }

    /// Calls `body` with the filter's table and its answer for non-ASCII tokens, for a loop that
    /// tests many tokens with `mayContain(table:passNonASCII:...)`.
    @inline(__always)
    func withTable<Result>(_ body: (UnsafeBufferPointer<UInt64>, Bool) -> Result) -> Result {
        lengths.withUnsafeBufferPointer { body($0, passNonASCII) }
    }

    /// `mayContain` on a table from `withTable`, for a token of `length` (> 0) bytes starting
    /// with `first` and `second` (0 for a one-byte token).
    @inline(__always)
    static func mayContain(
        table: UnsafeBufferPointer<UInt64>, passNonASCII: Bool, first: UInt8, second: UInt8, length: Int
    ) -> Bool {
        if (first | second) >= 0x80 { return passNonASCII }
        return table[key(first, second)] & (1 &<< UInt64(truncatingIfNeeded: min(length, 63))) != 0
    }

    @inline(__always)
    private static func key(_ first: UInt8, _ second: UInt8) -> Int {
        Int(first & 31) &<< 5 | Int(second & 31)
    }
}
