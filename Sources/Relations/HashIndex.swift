/// A small open-addressing map from 64-bit name hashes to non-negative integers, sized for one
/// document: cheaper than `Dictionary` (no per-look-up SipHash), and nothing is allocated until
/// the first insertion.
struct HashIndex {
    private var keys: [UInt64] = []
    private var values: [Int32] = []
    private var mask = 0
    private let initialSize: Int
    private(set) var count = 0

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
            let value = values[slot]
            if value < 0 { return nil }
            if keys[slot] == key { return Int(value) }
            slot = (slot + 1) & mask
        }
    }

    /// Stores `value` for `key` unless the key is already there; returns true when it was stored.
    @discardableResult
    mutating func insertIfAbsent(_ key: UInt64, _ value: Int) -> Bool {
        if (count + 1) * 2 > keys.count { grow() }
        var slot = Int(truncatingIfNeeded: key ^ (key >> 31)) & mask
        while values[slot] >= 0 {
            if keys[slot] == key { return false }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        values[slot] = Int32(truncatingIfNeeded: value)
        count += 1
        return true
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        let size = keys.isEmpty ? initialSize : keys.count * 2
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
        count = 0
        for slot in oldKeys.indices where oldValues[slot] >= 0 { insertIfAbsent(oldKeys[slot], Int(oldValues[slot])) }
    }
}
