/// A small open-addressing set of folded words, for a quick "can this token start a number
/// word?" test that hashes nothing but the token's bytes (most words are rejected here).
struct WordFilter: Sendable {
    private var slots = [UInt64](repeating: 0, count: 1024)
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

    mutating func insert(_ word: String) {
        let bytes = Array(word.lowercased().utf8)
        longest = max(longest, bytes.count)
        let value = bytes.withUnsafeBufferPointer { Self.hash($0, 0, $0.count) }
        var slot = Int(truncatingIfNeeded: value & 1023)
        while slots[slot] != 0 && slots[slot] != value { slot = (slot + 1) & 1023 }
        slots[slot] = value
    }

    @inline(__always)
    func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let value = Self.hash(bytes, start, end)
        var slot = Int(truncatingIfNeeded: value & 1023)
        while slots[slot] != 0 {
            if slots[slot] == value { return true }
            slot = (slot + 1) & 1023
        }
        return false
    }
}
