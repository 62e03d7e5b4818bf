/// A set of words looked up by a 64-bit FNV-1a hash of their UTF-8 bytes: no Unicode
/// normalisation and no allocation per look-up (Swift's `String` hashing normalises, which
/// dominated the stage's time).
struct WordSet: Sendable {
    private var hashes: Set<UInt64>

    init(_ words: some Sequence<String>) {
        hashes = Set(words.map { Self.hash($0) })
    }

    /// True when `word` (as written, usually lowercase) is in the set.
    @inline(__always)
    func contains(_ word: String) -> Bool { hashes.contains(Self.hash(word)) }

    /// FNV-1a over the UTF-8 bytes.
    @inline(__always)
    static func hash(_ word: String) -> UInt64 {
        if let value = word.utf8.withContiguousStorageIfAvailable({ Self.hash($0) }) { return value }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }

    /// FNV-1a over a buffer.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }

    /// FNV-1a over a byte range.
    @inline(__always)
    static func hash(_ bytes: [UInt8], _ start: Int, _ end: Int, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = seed
        var offset = start
        while offset < end {
            hash = (hash ^ UInt64(bytes[offset])) &* 0x100_0000_01b3
            offset += 1
        }
        return hash
    }
}
