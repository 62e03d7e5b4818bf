/// A small open-addressing map from 64-bit name hashes to non-negative integers, sized for one
/// document: cheaper than `Dictionary` (no per-look-up SipHash), and nothing is allocated until
/// the first insertion. The table is one tail-allocated buffer (a `ManagedBuffer` subclass, so an
/// allocation is one `malloc` with no generic metadata look-up, unlike an `Array` of a struct);
/// it is copied on write, so the index keeps value semantics.
struct HashIndex {
    fileprivate struct Entry {
        var key: UInt64
        var value: Int32
    }

    private var storage: HashIndexStorage?
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
        guard count > 0, let storage else { return nil }
        let mask = self.mask
        return storage.withUnsafeMutablePointerToElements { entries -> Int? in
            var slot = Int(truncatingIfNeeded: key ^ (key >> 31)) & mask
            while true {
                let entry = entries[slot]
                if entry.value < 0 { return nil }
                if entry.key == key { return Int(entry.value) }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Stores `value` for `key` unless the key is already there; returns true when it was stored.
    @discardableResult
    @inline(__always)
    mutating func insertIfAbsent(_ key: UInt64, _ value: Int) -> Bool {
        if (count + 1) * 2 > mask + 1 || storage == nil {
            grow()
        } else if !isKnownUniquelyReferenced(&storage) {
            storage = storage?.copy(size: mask + 1)
        }
        guard let storage else { return false }
        let mask = self.mask
        let stored = storage.withUnsafeMutablePointerToElements { entries -> Bool in
            var slot = Int(truncatingIfNeeded: key ^ (key >> 31)) & mask
            while entries[slot].value >= 0 {
                if entries[slot].key == key { return false }
                slot = (slot + 1) & mask
            }
            entries[slot] = Entry(key: key, value: Int32(truncatingIfNeeded: value))
            return true
        }
        if stored { count += 1 }
        return stored
    }

    private mutating func grow() {
        let old = storage
        let oldSize = old == nil ? 0 : mask + 1
        let size = old == nil ? initialSize : oldSize * 2
        storage = HashIndexStorage.make(size: size)
        mask = size - 1
        count = 0
        old?.withUnsafeMutablePointerToElements { entries in
            for slot in 0..<oldSize where entries[slot].value >= 0 {
                insertIfAbsent(entries[slot].key, Int(entries[slot].value))
            }
        }
    }
}

/// The slots of a `HashIndex` (the header is the slot count).
private final class HashIndexStorage: ManagedBuffer<Int, HashIndex.Entry> {
    /// A table of `size` empty slots.
    static func make(size: Int) -> HashIndexStorage {
        let buffer = unsafeDowncast(create(minimumCapacity: size) { _ in size }, to: HashIndexStorage.self)
        buffer.withUnsafeMutablePointerToElements { $0.initialize(repeating: HashIndex.Entry(key: 0, value: -1), count: size) }
        return buffer
    }

    /// A copy of the table (`size` slots).
    func copy(size: Int) -> HashIndexStorage {
        let copy = HashIndexStorage.make(size: size)
        withUnsafeMutablePointerToElements { source in
            copy.withUnsafeMutablePointerToElements { $0.update(from: source, count: size) }
        }
        return copy
    }

    deinit {
        _ = withUnsafeMutablePointers { header, elements in elements.deinitialize(count: header.pointee) }
    }
}
