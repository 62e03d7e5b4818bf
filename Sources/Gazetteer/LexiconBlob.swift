/// The binary form of a compiled lexicon: one little-endian blob, memory-mapped from the cache
/// or built in memory, read in place without parsing.
///
/// Layout: a 256-byte header of `UInt64` fields (see `Field`), then 8-byte aligned sections:
/// - pool: UTF-8 bytes (list names, labels, subtypes, vocabulary pieces, raw entry lines);
/// - lists: 8 × `UInt32` per list (path, label, subtype as pool offset/length pairs, flags =
///   mode | layer << 8, priority);
/// - entries: 4 × `UInt32` per entry (list | flags << 16, line number, raw line offset and
///   length); flag bit 0: the entry is marked `common_word=yes`;
/// - vocabulary: open-addressing table of pieces, 4 × `UInt32` per slot: hash; length |
///   modes << 20 (bit m: the piece occurs in a surface of mode m) | roots << 24 (bit r: a
///   surface under trie root r starts with it); then the piece's bytes inline when it has at
///   most 8, else its pool offset. A piece's ID is its slot index;
/// - transitions: open-addressing table of trie edges, 3 × `UInt32` per slot (from node,
///   piece ID << 1 | space before, to node); empty slots have from = `UInt32.max`;
/// - node outputs: `nodeCount + 1` starts into the outputs section (bit 31 set when the node
///   has children);
/// - outputs: entry indices, per node in candidate order (priority, then layer, descending);
/// - start filters: two bitsets (entity lists, auxiliary lists) over the hashes of pieces that
///   start a surface, small enough to stay in cache: most tokens are dismissed without a
///   vocabulary look-up;
/// - word start filter: a blocked Bloom filter (`1 << (64 - shift)` `UInt64` words, two bits
///   per key) over the pieces of 1...16 ASCII
///   bytes without capitals that start a surface under some root (see `wordFilterKey`), a few
///   kilobytes that stay in the processor's cache: most lower-case words, digits and
///   punctuation of a text are dismissed without touching any larger table.
enum LexiconBlob {
    static let magic: UInt32 = 0x584C_5A47  // "GZLX"
    /// Bump when the layout, the folding or the splitting changes.
    static let version: UInt32 = 8
    static let headerSize = 256
    static let modeCount = 4
    /// Trie roots: one per matching mode for entity-label lists (0...3), one per mode for
    /// auxiliary lists (4...7), so a search for entity labels never walks the big name lists.
    static let rootCount = 8

    /// The root node of a mode (bit 0: case folded, bit 1: diacritics folded) and list group.
    static func root(mode: Int, auxiliary: Bool) -> Int { mode + (auxiliary ? 4 : 0) }

    /// Up to 8 bytes packed little-endian into a `UInt64` (pieces this short are stored inline).
    static func pack(_ bytes: [UInt8]) -> UInt64 {
        var value: UInt64 = 0
        for (index, byte) in bytes.prefix(8).enumerated() { value |= UInt64(byte) << UInt64(index * 8) }
        return value
    }

    enum Field: Int {
        case magicAndVersion = 0, key, totalLength
        case poolOffset, poolLength
        case listsOffset, listCount
        case entriesOffset, entryCount
        case vocabularyOffset, vocabularyCapacity
        case transitionsOffset, transitionCapacity
        case nodeOutputsOffset, nodeCount
        case outputsOffset, outputCount
        case activeRoots
        case startFilterOffset, startFilterBits
        case wordFilterOffset, wordFilterShift
    }

    /// The word start filter key of a piece of `length` (1...16) bytes, `word0` and `word1`
    /// (little-endian, zero-padded, as `load` gives them): a 64-bit mix of the three whose
    /// high bits depend on every input bit.
    @inline(__always)
    static func wordFilterKey(_ word0: UInt64, _ word1: UInt64, _ length: Int) -> UInt64 {
        ((word0 &+ UInt64(truncatingIfNeeded: length)) ^ word1 &* 0xC2B2_AE3D_27D4_EB4F) &* 0x9E37_79B9_7F4A_7C15
    }

    /// The word of a word start filter of `1 << (64 - shift)` words (`shift` in 40...58) for a
    /// key: its highest bits.
    @inline(__always)
    static func wordFilterIndex(_ key: UInt64, shift: Int) -> Int { Int(truncatingIfNeeded: key &>> UInt64(truncatingIfNeeded: shift)) }

    /// The two bits set in the filter word for a key: from the 12 bits below those of the index.
    @inline(__always)
    static func wordFilterBits(_ key: UInt64, shift: Int) -> UInt64 {
        1 &<< (key &>> UInt64(truncatingIfNeeded: shift &- 6)) | 1 &<< (key &>> UInt64(truncatingIfNeeded: shift &- 12))
    }

    /// Bit index in a start filter of `1 << bits` bits for a piece hash.
    @inline(__always)
    static func filterBit(_ hash: UInt32, bits: Int) -> Int {
        Int((hash &* 0x9E37_79B1) >> UInt32(32 - bits))
    }

    /// The hash of a piece: its bytes taken 8 at a time (little-endian words, the last one
    /// zero-padded), with ASCII capitals lowered when `lowercase`, mixed with the length.
    /// `CompiledLexicon.mayStart` computes the same value inline (keep the two in step).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, lowercase: Bool = false) -> UInt32 {
        var value = hashSeed(length: end - start)
        var index = start
        while end - index > 8 {
            let word = load(bytes, index, 8)
            value = mix(value, lowercase ? lowerASCII(word) : word)
            index += 8
        }
        let word = load(bytes, index, end - index)
        return finish(mix(value, lowercase ? lowerASCII(word) : word))
    }

    @inline(__always)
    static func hashSeed(length: Int) -> UInt64 { 0x243F_6A88_85A3_08D3 ^ UInt64(truncatingIfNeeded: length) }

    @inline(__always)
    static func mix(_ value: UInt64, _ word: UInt64) -> UInt64 {
        let product = (value ^ word) &* 0x9E37_79B9_7F4A_7C15
        return product ^ (product >> 32)
    }

    @inline(__always)
    static func finish(_ value: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: value ^ (value >> 29)) }

    /// `count` (0...8) bytes from `start`, little-endian, zero-padded; one unaligned load when
    /// the buffer has 8 bytes there.
    @inline(__always)
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> UInt64 {
        if start <= bytes.count &- 8, let base = bytes.baseAddress {
            let word = UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self)
            return count >= 8 ? UInt64(littleEndian: word) : UInt64(littleEndian: word) & ((1 &<< UInt64(truncatingIfNeeded: count &* 8)) &- 1)
        }
        var value: UInt64 = 0
        for offset in 0..<count { value |= UInt64(bytes[start + offset]) << UInt64(offset * 8) }
        return value
    }

    /// The bytes of a word with ASCII capitals lowered (every other byte unchanged).
    @inline(__always)
    static func lowerASCII(_ word: UInt64) -> UInt64 {
        let low = word & 0x7F7F_7F7F_7F7F_7F7F
        let atLeastA = low &+ 0x3F3F_3F3F_3F3F_3F3F  // high bit set where byte >= 0x41
        let pastZ = low &+ 0x2525_2525_2525_2525  // high bit set where byte >= 0x5B
        let capitals = atLeastA & ~pastZ & ~word & 0x8080_8080_8080_8080
        return word | (capitals >> 2)
    }

    /// Slot of a trie edge key in a table of `mask + 1` slots.
    @inline(__always)
    static func edgeSlot(from: UInt32, label: UInt32, mask: Int) -> Int {
        var key = UInt64(from) << 32 | UInt64(label)
        key ^= key >> 32
        key = key &* 0xD6E8_FEB8_6659_FD93
        key ^= key >> 32
        return Int(truncatingIfNeeded: key) & mask
    }

    /// A capacity (power of two) of at least twice `count`.
    static func capacity(for count: Int) -> Int {
        var capacity = 16
        while capacity < count * 2 { capacity <<= 1 }
        return capacity
    }
}

/// Appends little-endian values to a growing blob.
struct BlobWriter {
    var bytes: [UInt8] = []

    mutating func append(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func align(to alignment: Int = 8) {
        while bytes.count % alignment != 0 { bytes.append(0) }
    }

    mutating func set(_ field: LexiconBlob.Field, _ value: Int) { set(field, UInt64(value)) }

    mutating func set(_ field: LexiconBlob.Field, _ value: UInt64) {
        let offset = field.rawValue * 8
        withUnsafeBytes(of: value.littleEndian) { raw in
            for index in 0..<8 { bytes[offset + index] = raw[index] }
        }
    }
}
