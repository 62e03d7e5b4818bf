/// A small open-addressing map from 64-bit name hashes to non-negative integers, sized for one
/// document: cheaper than `Dictionary` (no per-look-up SipHash), and nothing is allocated until
/// the first insertion. The table is one tail-allocated buffer (a `ManagedBuffer` subclass, so an
/// allocation is one `malloc` with no generic metadata look-up, unlike an `Array` of a struct);
/// it is copied on write, so the index keeps value semantics.
///
/// A slot is in use when its generation is the index's: `reset` empties the index in constant
/// time by moving to the next generation, so one table serves document after document.
struct HashIndex {
    fileprivate struct Entry {
        var key: UInt64
        var value: Int32
        /// The generation that stored the entry (0 in a new table: never in use).
        var generation: UInt32
    }

    private var storage: HashIndexStorage?
    private var mask = 0
    private var initialSize: Int
    /// The generation of the slots in use (never 0).
    private var generation: UInt32 = 1
    private(set) var count = 0

    /// Salts that keep several tables in one index: `key ^ salt` per table.
    static let salts: [UInt64] = [0, 0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9, 0x85EB_CA77_C2B2_AE63]

    /// A table for about `capacity` keys.
    init(capacity: Int) {
        initialSize = Self.size(for: capacity)
    }

    /// The first table size for about `capacity` keys.
    private static func size(for capacity: Int) -> Int {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        return size
    }

    /// Empties the index, now for about `capacity` keys, keeping its table when that is its own
    /// and at least the size a new index would start with (a look-up answers the same in any
    /// table size): the next generation's slots are all free, so nothing is cleared, allocated
    /// or freed.
    mutating func reset(capacity: Int) {
        let size = Self.size(for: capacity)
        initialSize = size
        count = 0
        if storage != nil, mask + 1 >= size, isKnownUniquelyReferenced(&storage) {
            generation &+= 1
            if generation == 0 {
                // After 2^32 - 1 generations: a clean table, from generation 1 again.
                storage?.clear(size: mask + 1)
                generation = 1
            }
        } else {
            storage = nil
            mask = 0
        }
    }

    /// The value stored for `key`, if any.
    @inline(__always)
    subscript(_ key: UInt64) -> Int? {
        guard count > 0, let storage else { return nil }
        let mask = self.mask
        let generation = self.generation
        return storage.withUnsafeMutablePointerToElements { entries -> Int? in
            var slot = Int(truncatingIfNeeded: key ^ (key >> 31)) & mask
            while true {
                let entry = entries[slot]
                if entry.generation != generation { return nil }
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
        let generation = self.generation
        let stored = storage.withUnsafeMutablePointerToElements { entries -> Bool in
            var slot = Int(truncatingIfNeeded: key ^ (key >> 31)) & mask
            while entries[slot].generation == generation {
                if entries[slot].key == key { return false }
                slot = (slot + 1) & mask
            }
            entries[slot] = Entry(key: key, value: Int32(truncatingIfNeeded: value), generation: generation)
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
            for slot in 0..<oldSize where entries[slot].generation == generation {
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
        buffer.withUnsafeMutablePointerToElements {
            $0.initialize(repeating: HashIndex.Entry(key: 0, value: -1, generation: 0), count: size)
        }
        return buffer
    }

    /// Empties the `size` slots (generation 0).
    func clear(size: Int) {
        withUnsafeMutablePointerToElements { $0.update(repeating: HashIndex.Entry(key: 0, value: -1, generation: 0), count: size) }
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
