/// A small open-addressing map from 64-bit name hashes to non-negative integers, sized for one
/// document: cheaper than `Dictionary` (no per-look-up SipHash), and nothing is allocated until
/// the first insertion.
struct HashIndex {
    private struct Entry {
        var key: UInt64
        var value: Int32
    }

    private var entries: [Entry] = []
    private var mask = 0
    private let initialSize: Int
    private(set) var count = 0

    /// Salts that keep several tables in one index: `key ^ salt` per table.
    static let salts: [UInt64] = [0, 0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9, 0x85EB_CA77_C2B2_AE63]

    /// A table for about `capacity` keys.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        initialSize = size
    }

    /// The value stored for `key`, if any.
    @inline(__always)
    subscript(_ key: UInt64) -> Int? {
        guard count > 0 else { return nil }
        var slot = Int(truncatingIfNeeded: key ^ (key >> 31)) & mask
        while true {
            let entry = entries[slot]
            if entry.value < 0 { return nil }
            if entry.key == key { return Int(entry.value) }
            slot = (slot + 1) & mask
        }
    }

    /// Stores `value` for `key` unless the key is already there; returns true when it was stored.
    @discardableResult
    mutating func insertIfAbsent(_ key: UInt64, _ value: Int) -> Bool {
        if (count + 1) * 2 > entries.count { grow() }
        var slot = Int(truncatingIfNeeded: key ^ (key >> 31)) & mask
        while entries[slot].value >= 0 {
            if entries[slot].key == key { return false }
            slot = (slot + 1) & mask
        }
        entries[slot] = Entry(key: key, value: Int32(truncatingIfNeeded: value))
        count += 1
        return true
    }

    private mutating func grow() {
        let old = entries
        let size = entries.isEmpty ? initialSize : entries.count * 2
        entries = Array(repeating: Entry(key: 0, value: -1), count: size)
        mask = size - 1
        count = 0
        for entry in old where entry.value >= 0 { insertIfAbsent(entry.key, Int(entry.value)) }
    }
}
