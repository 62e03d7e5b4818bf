/// A prefilter for a scan over every token: for each pair of first two letters (case folded by
/// keeping the low five bits), the lengths of the words that start with them. A token whose
/// pair and length are not in it is certainly not one of the words, so the scan skips it
/// without hashing it.
struct WordFilter: Sendable {
    /// (first & 31) << 5 | (second & 31) → bit n set when a word of n bytes (capped at 63) starts so.
    private var lengths = [UInt64](repeating: 0, count: 1024)
    /// True when a word has a non-ASCII first or second byte (such tokens then always pass).
    private var passNonASCII = false
    /// (first & 31) << 5 | (last & 31) → bit n set when a word of n bytes (capped at 63) starts
    /// and ends so: a second test, so a scan hashes fewer tokens. (Keeping the low five bits of
    /// both bytes is a necessary condition for equality after ASCII case folding, so no word is
    /// ever rejected, whatever its bytes.)
    private var endLengths = [UInt64](repeating: 0, count: 1024)

    init(_ words: some Sequence<String>) {
        for word in words {
            let bytes = Array(word.utf8)
            guard !bytes.isEmpty else { continue }
            let second = bytes.count > 1 ? bytes[1] : 0
            if bytes[0] >= 0x80 || second >= 0x80 { passNonASCII = true }
            lengths[Self.key(bytes[0], second)] |= 1 << UInt64(min(bytes.count, 63))
            endLengths[Self.key(bytes[0], bytes[bytes.count - 1])] |= 1 << UInt64(min(bytes.count, 63))
        }
    }

    /// True when the token `bytes[start..<end]` may be one of the words (case-insensitive): both
    /// tables pass it.
    @inline(__always)
    func mayContain(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let length = end - start
        guard length > 0 else { return false }
        let first = bytes[start]
        let second = length > 1 ? bytes[start + 1] : 0
        if first >= 0x80 || second >= 0x80 { return passNonASCII }
        let bit: UInt64 = 1 &<< UInt64(truncatingIfNeeded: min(length, 63))
        return lengths[Self.key(first, second)] & bit != 0 && endLengths[Self.key(first, bytes[end - 1])] & bit != 0
    }

    /// Calls `body` with the filter's table, its first-and-last-byte table and its answer for
    /// non-ASCII tokens, for a loop that tests many tokens with `mayContain(table:passNonASCII:...)`
    /// then `mayEnd(table:...)`.
    @inline(__always)
    func withTables<Result>(_ body: (UnsafeBufferPointer<UInt64>, UnsafeBufferPointer<UInt64>, Bool) -> Result) -> Result {
        lengths.withUnsafeBufferPointer { table in
            endLengths.withUnsafeBufferPointer { endTable in body(table, endTable, passNonASCII) }
        }
    }

    /// The second test (after `mayContain`) on the end table from `withTables`: false when no word of
    /// `length` (> 0) bytes starts with `first` and ends with `last` (case folded).
    @inline(__always)
    static func mayEnd(table: UnsafeBufferPointer<UInt64>, first: UInt8, last: UInt8, length: Int) -> Bool {
        table[key(first, last)] & (1 &<< UInt64(truncatingIfNeeded: min(length, 63))) != 0
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
